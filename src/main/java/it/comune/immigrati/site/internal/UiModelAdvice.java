package it.comune.immigrati.site.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import org.springframework.beans.factory.ObjectProvider;
import it.comune.immigrati.site.Ui;
import it.comune.immigrati.site.UiFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Gives every view its {@link Ui}. */
@ControllerAdvice
@Component
class UiModelAdvice implements UiFactory {

    private final MessageSource messages;
    private final AciProperties properties;
    private final List<NavigationItem> navigation;
    private final ResourceUrlProvider resourceUrls;

    UiModelAdvice(MessageSource messages, AciProperties properties, List<Route> routes,
            ObjectProvider<NavigationItem> otherLinks, ResourceUrlProvider resourceUrls) {
        this.messages = messages;
        this.properties = properties;
        this.navigation = java.util.stream.Stream.concat(routes.stream().flatMap(r -> r.links().stream()),
                otherLinks.orderedStream()).sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.resourceUrls = resourceUrls;
    }

    @ModelAttribute("ui")
    @Override
    public Ui ui(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("ROLE_"));
        Set<String> roles = staff
                ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet())
                : Set.of();
        String requestUri = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
        if (requestUri == null) {
            requestUri = (String) request.getAttribute("jakarta.servlet.error.request_uri");
        }
        if (requestUri == null) {
            requestUri = request.getRequestURI();
        }
        return new Ui(LanguageFilter.languageOf(request), messages, properties.comune(), "_csrf",
                () -> {
                    it.comune.immigrati.site.PageCache.skip(request); // the token is this visitor's own
                    return csrfToken(request);
                }, requestUri, request.getQueryString(), navigation,
                staff ? authentication.getName() : null, roles, this::assetUrl);
    }

    private static String csrfToken(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }

    private String assetUrl(String path) {
        String url = resourceUrls.getForLookupPath(path);
        return url == null ? path : url;
    }
}
