package it.comune.immigrati.appointments;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time given back, or opened by the office, goes to the first in line at once, not at the next periodic
 * run (every 30 s) in which anyone browsing the times could take it before them. The tests never run the
 * offering themselves: the cancellation or the change of the office's days must set it off.
 */
@AciTest
class FreedTimeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCancelledTimeIsOfferedToTheFirstInLineWithinSeconds() {
        TestDesk desk = TestDesk.full(jdbc);
        desk.openOneTime(jdbc);
        String booking = BookingTest.book(new WebClient(port), desk, "freed" + System.nanoTime() + "@example.org", "it");
        WebClient waiting = new WebClient(port);
        assertThat(waiting.get(desk.slotsPath()).body()).contains("id=\"no-slots\"");
        String place = join(desk);

        String cancel = "/appuntamenti/mia/" + booking + "/disdici";
        assertThat(new WebClient(port).submit(cancel, cancel, Map.of()).statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> "OFFERED".equals(status(place)));
        assertThat(new WebClient(port).get(desk.slotsPath()).body()).as("held for the one in line")
                .contains("id=\"no-slots\"");
        assertThat(waiting.get("/appuntamenti/attesa/" + place).body()).contains("id=\"offer\"");
    }

    @Test
    void aDayTheOfficeReopensIsOfferedToTheFirstInLineWithinSeconds() {
        TestDesk desk = TestDesk.full(jdbc);
        String place = join(desk);
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        String path = "/ufficio/appuntamenti/servizi/ufficio/" + desk.office();
        // three days in a row, so that a public holiday among them (closed anyway) still leaves one open
        for (int day = 4; day <= 6; day++) {
            long closure = jdbc.sql("""
                    SELECT id FROM appointment_exception WHERE office_id = :o AND day = (now() AT TIME ZONE 'Europe/Rome')::date + :d
                    """).param("o", desk.officeId()).param("d", day).query(Long.class).single();
            HttpResponse<String> reopened = staff.post(path + "/eccezioni/" + closure + "/elimina",
                    Map.of("_csrf", WebClient.csrf(staff.get(path).body())));
            assertThat(reopened.statusCode()).isEqualTo(302);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> "OFFERED".equals(status(place)));
    }

    private String join(TestDesk desk) {
        WebClient waiting = new WebClient(port);
        String join = desk.slotsPath() + "/attesa";
        HttpResponse<String> joined = waiting.submit(join, join, Map.of("email", "inline" + System.nanoTime() + "@example.org",
                "language", "uk", "privacy", "true"));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        return matchIn(WebClient.location(joined), "/appuntamenti/attesa/([A-Za-z0-9_-]{22})\\?iscritto");
    }

    private String status(String token) {
        return jdbc.sql("SELECT status FROM appointment_waiting WHERE access_token = :t").param("t", token)
                .query(String.class).single();
    }
}
