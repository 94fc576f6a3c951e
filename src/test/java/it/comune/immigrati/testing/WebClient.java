package it.comune.immigrati.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: real HTTP, cookies kept, redirects not followed (tests look at them),
 * forms posted with the CSRF token read from the page, as a citizen's or operator's browser does.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** GET, following redirects within the site, as a browser would. */
    public HttpResponse<String> browse(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response = get(location(response));
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** Loads {@code formPage}, takes its CSRF token and posts {@code form} to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> form) {
        String page = get(formPage).body();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf(page));
        return post(action, withToken);
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page:\n" + page);
        }
        return matcher.group(1).replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/");
    }

    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
