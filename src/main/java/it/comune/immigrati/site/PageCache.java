package it.comune.immigrati.site;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Rendered public pages are kept in memory for anonymous visitors (the site module's cache). A module
 * names the paths whose pages depend only on the address, the language and the public content with
 * {@link Route#cached()}, and marks a single response that must not be kept with {@link #skip}.
 */
public final class PageCache {

    static final String SKIP = PageCache.class.getName() + ".skip";

    private PageCache() {
    }

    /** This response must not be kept (it recorded something, or carries a visitor's token). */
    public static void skip(HttpServletRequest request) {
        request.setAttribute(SKIP, Boolean.TRUE);
    }

    /** Whether {@link #skip} was called for this request. */
    public static boolean skipped(HttpServletRequest request) {
        return request.getAttribute(SKIP) != null;
    }
}
