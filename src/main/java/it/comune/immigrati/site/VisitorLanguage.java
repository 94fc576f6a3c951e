package it.comune.immigrati.site;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether the visitor has chosen a language (by {@code ?lang=} on this request, or earlier, remembered
 * in a cookie), for pages that should otherwise speak the language of what they show: a resident's
 * private page opens in the language of their question, not in the site's default.
 */
public final class VisitorLanguage {

    public static final String COOKIE = "ACI_LANG";

    private VisitorLanguage() {
    }

    /** Speaks {@code language} from this page on, as if the visitor had chosen it in the menu. */
    public static void choose(HttpServletRequest request, HttpServletResponse response, Language language) {
        org.springframework.web.servlet.LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
                .getLocaleResolver(request);
        if (resolver != null) {
            resolver.setLocale(request, response, language.locale());
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(language.locale());
    }

    public static boolean chosen(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && ("&" + query).contains("&lang=")) {
            return true;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && Language.byCode(cookie.getValue()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
