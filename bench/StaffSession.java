import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a staff member in as a browser would (password, then the second factor, enrolling it on the
 * first sign-in) and prints the session cookie, for wrk runs against staff pages.
 * Usage: java bench/StaffSession.java http://localhost:8091 admin password  →  ACI_SESSION=...
 */
public class StaffSession {

    /** A bench must fail, not hang, when the application stops answering. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(http, base + "/login");
        String next = post(http, base + "/login", "username=" + enc(args[1]) + "&password=" + enc(args[2]) + "&_csrf=" + csrf(login));
        // the second-factor page sends one who has none yet on to enrol it
        String action = next;
        HttpResponse<String> step = http.send(HttpRequest.newBuilder(URI.create(base + action)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (step.statusCode() / 100 == 3) {
            action = step.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        }
        String page = get(http, base + action);
        Matcher secret = SECRET.matcher(page);
        boolean enrolling = secret.find();
        String key = enrolling ? secret.group(1) : System.getenv("ACI_TOTP_SECRET");
        if (key == null) {
            throw new IllegalStateException("The account has a second factor already: set ACI_TOTP_SECRET");
        }
        String done = post(http, base + action, "code=" + code(key) + "&_csrf=" + csrf(page));
        if (!done.startsWith("/ufficio")) {
            throw new IllegalStateException("Sign-in refused: " + done);
        }
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ACI_SESSION"))
                .forEach(c -> System.out.println("ACI_SESSION=" + c.getValue()));
        if (enrolling) {
            System.err.println("Second factor enrolled; for the next sign-in: ACI_TOTP_SECRET=" + key);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Posts a form and returns where it sends the browser next. */
    private static String post(HttpClient http, String url, String form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")")
                .replaceFirst("^https?://[^/]+", "");
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return enc(matcher.group(1).replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** RFC 6238 with SHA-1, 6 digits, 30-second steps. */
    private static String code(String base32) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(decode(base32), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
