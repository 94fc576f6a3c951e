package it.comune.immigrati.site.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.site.PageCache;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StampedPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Keeps rendered public pages in memory for anonymous visitors: the same address, language and
 * Accept header get the same bytes and headers until public content changes ({@link PublicContent}), or,
 * for the paths a module names with {@link StampedPages}, while that module's stamp stays the same.
 * It answers before the security filters: it serves only public paths, only to requests without a
 * session or credentials, and replays the headers (CSP and the others) that the security filters wrote
 * on the kept answer. Only complete 200 answers that set no cookie and were not marked
 * {@link PageCache#skip} are kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the language is known, before Spring Security
class PublicPageCache extends OncePerRequestFilter {

    private static final int MAX_PAGE = 512 * 1024;

    private record Page(Object stamp, String contentType, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** Paths whose answers may be kept, and what a kept answer must still match to be served. */
    private record Rule(PathPattern pattern, Supplier<Object> stamp) {
    }

    private static final String RULE = PublicPageCache.class.getName() + ".rule";

    /** Headers that belong to one answer, not to the page. */
    private static final Set<String> NOT_KEPT = Set.of("date", "content-length", "content-type", "set-cookie",
            "transfer-encoding", "connection", "keep-alive");

    private final List<Rule> rules;
    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
            .<String, Page>weigher((key, page) -> key.length() + page.body().length)
            .expireAfterWrite(Duration.ofMinutes(30)).recordStats().build();

    PublicPageCache(List<Route> routes, ObjectProvider<StampedPages> stamped, PublicContent content, MeterRegistry meters) {
        // a module's own stamp first: its paths may lie under a route that is cached with public content
        this.rules = Stream.concat(
                stamped.orderedStream().map(s -> new Rule(PathPatternParser.defaultInstance.parse(s.pattern()), s.stamp())),
                routes.stream().filter(Route::cacheable)
                        .map(r -> new Rule(PathPatternParser.defaultInstance.parse(r.pattern()), content::version)))
                .toList();
        CaffeineCacheMetrics.monitor(meters, pages, "public_pages");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null || hasSession(request)) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        Rule rule = rules.stream().filter(r -> r.pattern().matches(path)).findFirst().orElse(null);
        request.setAttribute(RULE, rule);
        return rule == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = LanguageFilter.languageOf(request).code() + ' ' + request.getHeader("Accept") + ' '
                + request.getRequestURI() + '?' + request.getQueryString() + ' ' + request.getHeader("HX-Request");
        Object stamp = ((Rule) request.getAttribute(RULE)).stamp().get();
        if (stamp == null) {
            chain.doFilter(request, response);
            return;
        }
        Page page = pages.getIfPresent(key);
        if (page != null && page.stamp().equals(stamp)) {
            response.setStatus(HttpServletResponse.SC_OK);
            page.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
            response.setContentType(page.contentType());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        if (capture.getStatus() == HttpServletResponse.SC_OK && capture.getHeader("Set-Cookie") == null
                && capture.getContentType() != null && capture.getContentSize() <= MAX_PAGE && !PageCache.skipped(request)) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : capture.getHeaderNames()) {
                if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    capture.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
                }
            }
            pages.put(key, new Page(stamp, capture.getContentType(), List.copyOf(headers), capture.getContentAsByteArray()));
        }
        capture.copyBodyToResponse();
    }

    private static boolean hasSession(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if ("ACI_SESSION".equals(cookie.getName()) || "JSESSIONID".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
