package it.comune.immigrati.questions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API and its OpenAPI description, over real HTTP. */
@AciTest
class QuestionsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> post(String path, String contentType, String body, String forwardedFor) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aQuestionSubmittedAsJsonIsStoredAndGetsACodeAndAPrivateLink() throws Exception {
        String email = "api" + System.nanoTime() + "@example.org";
        HttpResponse<String> created = post("/api/v1/questions", "application/json", """
                {"email": "%s", "language": "en", "topic": "lavoro", "text": "Can I work while my permit is being renewed?",
                 "privacyConsent": true, "publishConsent": false}""".formatted(email), "10.9.0.1");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).containsPattern("\"code\":\"Q-\\d{4}-\\d{6}\"").contains("/quesiti/stato/");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/quesiti/stato/"));
        assertThat(jdbc.sql("SELECT channel FROM question WHERE email = :e").param("e", email).query(String.class).single())
                .isEqualTo("API");
    }

    @Test
    void invalidSubmissionsGetLocalisedProblemDetails() throws Exception {
        HttpResponse<String> refused = post("/api/v1/questions?lang=fr", "application/json",
                "{\"email\": \"nope\", \"language\": \"en\", \"topic\": \"lavoro\", \"text\": \"short\"}", "10.9.0.2");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("\"errors\"").doesNotContain("indirizzo e-mail valido");
        HttpResponse<String> malformed = post("/api/v1/questions", "application/json", "{not json", "10.9.0.3");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "tools.jackson");
        HttpResponse<String> formPost = post("/api/v1/questions", "text/plain", "email=x", "10.9.0.4");
        assertThat(formPost.statusCode()).as("no cross-site simple form posts").isEqualTo(415);
    }

    @Test
    void theFaqIsAvailableAsJsonAndTheApiIsDescribedInOpenApi() throws Exception {
        HttpResponse<String> faq = get("/api/v1/faq?lang=ar");
        assertThat(faq.statusCode()).isEqualTo(200);
        assertThat(faq.body()).startsWith("[");
        assertThat(get("/api/v1/faq/non-esiste").statusCode()).isEqualTo(404);
        HttpResponse<String> openapi = get("/v3/api-docs");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("\"/api/v1/questions\"", "\"/api/v1/faq\"", "\"/api/v1/faq/{slug}\"")
                .doesNotContain("/ufficio");
    }

    /**
     * A submission key makes a repeated request one question for the resident who sent it, and nothing
     * for anyone else: whoever repeats the key with another address learns neither the code nor the link.
     */
    @Test
    void aRepeatedSubmissionKeyIsTheSameQuestionOnlyForTheSameAddress() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String email = "chiave" + System.nanoTime() + "@example.org";
        String body = """
                {"email": "%s", "language": "it", "topic": "lavoro", "text": "Posso lavorare mentre rinnovo il permesso?",
                 "privacyConsent": true, "submissionKey": "%s"}""";
        HttpResponse<String> first = post("/api/v1/questions", "application/json", body.formatted(email, key), "10.10.0.1");
        assertThat(first.statusCode()).isEqualTo(201);
        String code = it.comune.immigrati.testing.Residents.createdCode(first).orElseThrow();
        String link = first.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> again = post("/api/v1/questions", "application/json",
                body.formatted(email.toUpperCase(java.util.Locale.ROOT), key), "10.10.0.2");
        assertThat(again.statusCode()).isIn(200, 201);
        assertThat(again.body()).contains("\"code\":\"" + code + "\"");

        HttpResponse<String> other = post("/api/v1/questions?lang=en", "application/json",
                body.formatted("altro" + System.nanoTime() + "@example.org", key), "10.10.0.3");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(other.body()).contains("\"errors\"", "another e-mail address")
                .doesNotContain(code, "/quesiti/stato/", link.substring(link.lastIndexOf('/') + 1));
        assertThat(other.headers().firstValue("Location")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE submission_key = CAST(:k AS uuid)").param("k", key)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** The web form keeps the same rule: the form is shown again, with a new key, and no link. */
    @Test
    void theFormRefusesAKeyAlreadySentFromAnotherAddress() {
        it.comune.immigrati.testing.WebClient resident = new it.comune.immigrati.testing.WebClient(port);
        String key = java.util.UUID.randomUUID().toString();
        var fields = it.comune.immigrati.testing.Residents.question("modulo" + System.nanoTime() + "@example.org", "it",
                "Una domanda inviata con il modulo.");
        fields.put("submission", key);
        assertThat(it.comune.immigrati.testing.Residents.ask(resident, fields, List.of()).statusCode()).isEqualTo(302);
        fields.put("email", "intruso" + System.nanoTime() + "@example.org");
        HttpResponse<String> other = it.comune.immigrati.testing.Residents.ask(new it.comune.immigrati.testing.WebClient(port),
                fields, List.of());
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("id=\"form-errors\"").doesNotContain("/quesiti/stato/")
                .doesNotContain("value=\"" + key + "\"");
    }


    private String apiQuestion(String altcha) {
        return """
                {"email": "pow%d@example.org", "language": "it", "topic": "lavoro",
                 "text": "Una domanda dall'API per provare la prova di lavoro.", "privacyConsent": true%s}"""
                .formatted(System.nanoTime(), altcha == null ? "" : ", \"altcha\": \"" + altcha + "\"");
    }

    /** What an API client does: fetch a challenge from the API and solve it (the ALTCHA library's own solver). */
    private String solvedChallenge() throws Exception {
        HttpResponse<String> issued = get("/api/v1/questions/challenge");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        return it.comune.immigrati.testing.ProofOfWorkSolver.fromChallengeJson(issued.body());
    }

    /** One rule for the form and the API: without proof of work, a client has the small hourly allowance. */
    @Test
    void withoutProofOfWorkTheApiHasTheFormsSmallAllowance() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/questions", "application/json", apiQuestion(null), "10.11.0.1").statusCode())
                    .as("unverified question " + i).isEqualTo(201);
        }
        HttpResponse<String> fourth = post("/api/v1/questions?lang=en", "application/json", apiQuestion(null), "10.11.0.1");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(post("/api/v1/questions", "application/json", apiQuestion("bm90IGEgc29sdXRpb24="), "10.11.0.1")
                .statusCode()).as("a wrong solution counts as none").isEqualTo(429);
        assertThat(post("/api/v1/questions", "application/json", apiQuestion(solvedChallenge()), "10.11.0.1")
                .statusCode()).as("a solved challenge uses the normal allowance").isEqualTo(201);
    }

    @Test
    void aSolvedChallengeKeepsTheNormalAllowanceThroughTheApi() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> sent = post("/api/v1/questions", "application/json", apiQuestion(solvedChallenge()), "10.11.0.2");
            assertThat(sent.statusCode()).as("question " + i).isEqualTo(201);
            String code = it.comune.immigrati.testing.Residents.createdCode(sent).orElseThrow();
            assertThat(jdbc.sql("SELECT proof_of_work FROM question WHERE code = :c").param("c", code).query(Boolean.class)
                    .single()).isTrue();
        }
        assertThat(get("/v3/api-docs").body()).contains("\"/api/v1/questions/challenge\"", "altcha");
    }

    /** The unverified allowance is one per client, whichever way the client asks. */
    @Test
    void theFormAndTheApiShareTheUnverifiedAllowance() throws Exception {
        it.comune.immigrati.testing.WebClient resident = new it.comune.immigrati.testing.WebClient(port);
        for (int i = 0; i < 2; i++) {
            assertThat(it.comune.immigrati.testing.Residents.ask(resident, it.comune.immigrati.testing.Residents.question(
                    "condiviso" + System.nanoTime() + "@example.org", "it", "Una domanda dal modulo, senza JavaScript."),
                    List.of()).statusCode()).isEqualTo(302);
        }
        assertThat(post("/api/v1/questions", "application/json", apiQuestion(null), resident.address()).statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/questions", "application/json", apiQuestion(null), resident.address()).statusCode())
                .isEqualTo(429);
    }
}
