package it.comune.immigrati.testing;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.testing.WebClient.FilePart;

import static org.assertj.core.api.Assertions.assertThat;

/** What a resident does on the question desk's form, for tests of every module that needs questions. */
public final class Residents {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
    public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

    private static final Pattern API_CODE = Pattern.compile("\"code\":\"(Q-\\d{4}-\\d{6})\"");

    private Residents() {
    }

    /** The form's fields filled in: e-mail, language, a topic, the text, privacy and publication consent. */
    public static Map<String, String> question(String email, String language, String text) {
        return new LinkedHashMap<>(Map.of("email", email, "name", "Fatima", "language", language,
                "topic", "ricongiungimento-familiare", "text", text, "privacy", "true", "publish", "true", "website", ""));
    }

    /** Loads /quesiti/nuovo, then submits it as multipart with its CSRF token and submission key. */
    public static HttpResponse<String> ask(WebClient resident, Map<String, String> fields, List<FilePart> files) {
        String form = resident.get("/quesiti/nuovo").body();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("submission", WebClient.hidden(form, "submission"));
        Map<String, List<String>> multipart = new LinkedHashMap<>();
        all.forEach((k, v) -> multipart.put(k, List.of(v)));
        multipart.put("_csrf", List.of(WebClient.csrf(form)));
        return resident.postMultipart("/quesiti/nuovo", multipart, files);
    }

    /**
     * A question through the public JSON API from client address {@code client} (the app trusts
     * X-Forwarded-For from loopback): one client per resident, so the per-client hourly limit does not apply.
     */
    public static HttpResponse<String> askThroughApi(java.net.http.HttpClient http, int port, String email, String client,
            String text) throws java.io.IOException, InterruptedException {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/questions"))
                .timeout(java.time.Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "language": "it", "topic": "lavoro", "text": "%s", "privacyConsent": true}"""
                        .formatted(email, text))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The question code of an API answer "created", if it is one. */
    public static java.util.Optional<String> createdCode(HttpResponse<String> answer) {
        Matcher code = API_CODE.matcher(answer.body());
        return answer.statusCode() == 201 && code.find() ? java.util.Optional.of(code.group(1)) : java.util.Optional.empty();
    }

    /** A client address of its own for the n-th resident of a test. */
    public static String clientAddress(String prefix, int n) {
        return prefix + "." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    public static String matchIn(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
