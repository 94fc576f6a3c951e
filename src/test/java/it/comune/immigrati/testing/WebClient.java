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
import java.util.List;
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

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    /** Each client comes from its own address (the app trusts X-Forwarded-For from loopback, as from a proxy). */
    private final String address = "10.77." + (CLIENTS.incrementAndGet() / 250 % 250) + "." + (CLIENTS.get() % 250 + 1);

    /** The client address this client sends (X-Forwarded-For), for a test that reaches the API from the same client. */
    public String address() {
        return address;
    }

    /** A file to upload. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html").header("X-Forwarded-For", address);
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

    /** Posts a form; {@code headers} are name and value pairs added to the request ({@code "Origin", "https://…"}). */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Posts a multipart form, as a browser does for a form with file inputs. */
    public HttpResponse<String> postMultipart(String path, Map<String, List<String>> fields, List<FilePart> files) {
        String boundary = "----aci" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> write = s -> body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, values) -> values.forEach(value -> {
            write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        }));
        for (FilePart file : files) {
            write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write.accept("\r\n");
        }
        write.accept("--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Loads {@code formPage}, takes its CSRF token and posts {@code fields} and {@code files} as multipart. */
    public HttpResponse<String> submitMultipart(String formPage, String action, Map<String, String> fields,
            List<FilePart> files) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        fields.forEach((k, v) -> all.put(k, List.of(v)));
        all.put("_csrf", List.of(csrf(get(formPage).body())));
        return postMultipart(action, all, files);
    }

    /** The value of a named hidden input on a page. */
    public static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No input " + name + " on the page");
        }
        return matcher.group(1);
    }

    /**
     * Loads {@code formPage}, takes its CSRF token, if it has one (a page kept whole for everybody has
     * none), and posts {@code form} to {@code action}.
     */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> form) {
        String page = get(formPage).body();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (CSRF.matcher(page).find()) {
            withToken.put("_csrf", csrf(page));
        }
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
            // a test must fail, not hang, when the application stops answering
            HttpRequest bounded = request.timeout().isPresent() ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(60)).build();
            return http.send(bounded, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
