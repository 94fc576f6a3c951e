package it.comune.immigrati.questions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
}
