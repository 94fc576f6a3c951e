package it.comune.immigrati.accounts.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import it.comune.immigrati.platform.TokenFreeForm;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The POSTs that need no CSRF token: to a {@link TokenFreeForm}'s path, from someone not signed in, and not
 * sent by a page of another site as far as the browser tells (Fetch Metadata, then Origin). Browsers too
 * old to send either are let through: the forms concerned give a cross-site poster nothing.
 */
final class SameSiteTokenFreeForms implements RequestMatcher {

    private final List<PathPattern> patterns;

    SameSiteTokenFreeForms(List<TokenFreeForm> forms) {
        this.patterns = forms.stream().map(form -> PathPatternParser.defaultInstance.parse(form.pattern())).toList();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (patterns.isEmpty() || request.getSession(false) != null) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return patterns.stream().anyMatch(pattern -> pattern.matches(path)) && !crossSite(request);
    }

    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            String host = URI.create(origin).getHost();
            return host == null || !host.toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
