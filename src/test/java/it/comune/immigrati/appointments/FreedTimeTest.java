package it.comune.immigrati.appointments;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancelled time goes to the first in line at once, not at the next periodic run (every 30 s), in which
 * anyone browsing the times could take it before them. The test never runs the offering itself: the
 * cancellation must set it off.
 */
@AciTest
class FreedTimeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCancelledTimeIsOfferedToTheFirstInLineWithinSeconds() {
        TestDesk desk = TestDesk.full(jdbc);
        desk.openOneTime(jdbc);
        String booking = BookingTest.book(new WebClient(port), desk, "freed" + System.nanoTime() + "@example.org", "it");
        WebClient waiting = new WebClient(port);
        assertThat(waiting.get(desk.slotsPath()).body()).contains("id=\"no-slots\"");
        String join = desk.slotsPath() + "/attesa";
        HttpResponse<String> joined = waiting.submit(join, join, Map.of("email", "inline" + System.nanoTime() + "@example.org",
                "language", "uk", "privacy", "true"));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        String place = matchIn(WebClient.location(joined), "/appuntamenti/attesa/([A-Za-z0-9_-]{22})\\?iscritto");

        String cancel = "/appuntamenti/mia/" + booking + "/disdici";
        assertThat(new WebClient(port).submit(cancel, cancel, Map.of()).statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> "OFFERED".equals(status(place)));
        assertThat(new WebClient(port).get(desk.slotsPath()).body()).as("held for the one in line")
                .contains("id=\"no-slots\"");
        assertThat(waiting.get("/appuntamenti/attesa/" + place).body()).contains("id=\"offer\"");
    }

    private String status(String token) {
        return jdbc.sql("SELECT status FROM appointment_waiting WHERE access_token = :t").param("t", token)
                .query(String.class).single();
    }
}
