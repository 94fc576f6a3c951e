package it.comune.immigrati.site.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import it.comune.immigrati.site.Language;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The visitor's language: {@code ?lang=xx} chooses it and a cookie remembers it; Italian otherwise.
 * A filter rather than an interceptor so that the login page, error pages and everything Spring
 * Security renders speak the same language. No server-side session is involved.
 */
@Component("localeResolver")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LanguageFilter extends OncePerRequestFilter implements LocaleResolver {

    static final String COOKIE = it.comune.immigrati.site.VisitorLanguage.COOKIE;
    private static final String ATTRIBUTE = LanguageFilter.class.getName() + ".language";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Language> chosen = Language.byCode(queryParameter(request.getQueryString(), "lang"));
        Language language = chosen.or(() -> fromCookie(request)).orElse(Language.DEFAULT);
        if (chosen.isPresent()) {
            remember(request, response, language);
        }
        request.setAttribute(ATTRIBUTE, language);
        LocaleContextHolder.setLocale(language.locale());
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static void remember(HttpServletRequest request, HttpServletResponse response, Language language) {
        Cookie cookie = new Cookie(COOKIE, language.code());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /**
     * Read from the query string only: asking the request for a parameter would parse a multipart body
     * here, before any size check, and once more on the error page if it was too large.
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.byCode(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static Language languageOf(HttpServletRequest request) {
        Object language = request.getAttribute(ATTRIBUTE);
        return language instanceof Language l ? l : fromCookie(request).orElse(Language.DEFAULT);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return languageOf(request).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(ATTRIBUTE, Language.of(locale));
        if (response != null) {
            remember(request, response, Language.of(locale));
        }
    }
}
