package it.comune.immigrati.appointments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.ProofOfWorkSolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/** A kiosk books through the JSON API with the rules of the pages, and the API is in the OpenAPI description. */
@AciTest
class AppointmentsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    MeterRegistry meters;

    /** This test's own client address, so that its holds draw on an allowance of their own. */
    private final String client = new it.comune.immigrati.testing.WebClient(0).address();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("X-Forwarded-For", client);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKioskListsHoldsBooksAndCancelsAndATakenTimeIsAClearConflict() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        HttpResponse<String> services = send("GET", "/api/v1/appointments/services?lang=ar", null);
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).contains("\"code\":\"" + desk.service() + "\"", "\"code\":\"" + desk.office() + "\"",
                "لم الشمل");

        HttpResponse<String> slots = send("GET", "/api/v1/appointments/services/" + desk.service() + "/offices/" + desk.office()
                + "/slots?limit=3", null);
        assertThat(slots.statusCode()).isEqualTo(200);
        String start = matchIn(slots.body(), "\"start\":\"([^\"]+)\"");
        assertThat(send("GET", "/api/v1/appointments/services/nessuno/offices/x/slots", null).statusCode()).isEqualTo(404);

        HttpResponse<String> challenge = send("GET", "/api/v1/appointments/challenge", null);
        assertThat(challenge.headers().firstValue("Cache-Control")).hasValue("no-store");
        String hold = "{\"service\":\"" + desk.service() + "\",\"office\":\"" + desk.office() + "\",\"start\":\"" + start
                + "\",\"language\":\"uk\",\"altcha\":\"" + ProofOfWorkSolver.fromChallengeJson(challenge.body()) + "\"}";
        HttpResponse<String> held = send("POST", "/api/v1/appointments/holds", hold);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        String token = matchIn(held.body(), "\"token\":\"([A-Za-z0-9_-]{22})\"");
        HttpResponse<String> again = send("POST", "/api/v1/appointments/holds?lang=en", hold);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(again.body()).contains("Someone else has just booked this time");

        HttpResponse<String> invalid = send("POST", "/api/v1/appointments/holds/" + token + "/booking?lang=it",
                "{\"email\":\"non-valida\",\"privacyConsent\":true}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("indirizzo e-mail completo");
        String email = "kiosk" + System.nanoTime() + "@example.org";
        HttpResponse<String> booked = send("POST", "/api/v1/appointments/holds/" + token + "/booking",
                "{\"email\":\"" + email + "\",\"language\":\"uk\",\"privacyConsent\":true}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String code = matchIn(booked.body(), "\"code\":\"(A-\\d{4}-\\d{6})\"");
        assertThat(booked.body()).contains("\"status\":\"BOOKED\"", "/appuntamenti/mia/" + token + "?lang=uk");
        new ImapMailbox(mailServer.imapPort(), email).await(m -> m.text() != null && m.text().contains(code), Duration.ofSeconds(20));

        assertThat(send("DELETE", "/api/v1/appointments/" + token, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/appointments/" + token, null).statusCode()).as("once").isEqualTo(409);
        assertThat(send("DELETE", "/api/v1/appointments/AAAAAAAAAAAAAAAAAAAAAA", null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE code = :c").param("c", code).query(String.class).single())
                .isEqualTo("CANCELLED");

        assertThat(send("GET", "/v3/api-docs", null).body()).contains("/api/v1/appointments/holds",
                "/api/v1/appointments/services/{service}/offices/{office}/slots");
    }

    @Test
    void theListOfFreeTimesComesFromMemoryButNeverShowsATimeTakenThroughThisNode() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        String path = "/api/v1/appointments/services/" + desk.service() + "/offices/" + desk.office() + "/slots?limit=2";
        String first = send("GET", path, null).body();
        String start = matchIn(first, "\"start\":\"([^\"]+)\"");
        double hits = pageCacheHits();
        HttpResponse<String> kept = send("GET", path, null);
        assertThat(kept.body()).isEqualTo(first);
        assertThat(pageCacheHits()).as("the second list came from memory").isGreaterThan(hits);
        assertThat(kept.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));

        HttpResponse<String> challenge = send("GET", "/api/v1/appointments/challenge", null);
        HttpResponse<String> held = send("POST", "/api/v1/appointments/holds", "{\"service\":\"" + desk.service()
                + "\",\"office\":\"" + desk.office() + "\",\"start\":\"" + start + "\",\"language\":\"it\",\"altcha\":\""
                + ProofOfWorkSolver.fromChallengeJson(challenge.body()) + "\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        assertThat(send("GET", path, null).body()).as("held now, so no longer listed").doesNotContain(start);
    }

    private double pageCacheHits() {
        return meters.find("cache.gets").tag("cache", "public_pages").tag("result", "hit").functionCounter().count();
    }
}
