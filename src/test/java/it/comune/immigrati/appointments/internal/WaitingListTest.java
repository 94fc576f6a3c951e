package it.comune.immigrati.appointments.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.platform.PrivacyRequests;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting list over HTTP as residents without JavaScript use it, with the e-mails read over IMAP: a
 * freed time goes to the first in line, passes on when declined or left unanswered, is booked by the one
 * who takes it; leaving, and the privacy requests.
 */
@AciTest
class WaitingListTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    PrivacyRequests privacy;

    @Autowired
    WaitingList waitingList;

    static Map<String, String> joinForm(String email, String language) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("language", language);
        form.put("privacy", "true");
        return form;
    }

    /** Joins, returns the place's token. */
    static String join(WebClient resident, TestDesk desk, String email, String language) {
        String path = desk.slotsPath() + "/attesa";
        HttpResponse<String> joined = resident.submit(path, path, joinForm(email, language));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        return matchIn(WebClient.location(joined), "/appuntamenti/attesa/([A-Za-z0-9_-]{22})\\?iscritto");
    }

    private String status(String token) {
        return jdbc.sql("SELECT status FROM appointment_waiting WHERE access_token = :t").param("t", token)
                .query(String.class).single();
    }

    /** Runs the offering job until {@code done} (the scheduled run on this node may hold the job a moment). */
    private void offerUntil(BooleanSupplier done) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            waitingList.offerTimes(Instant.now());
            return done.getAsBoolean();
        });
    }

    @Test
    void aFreedTimeGoesToTheFirstInLineThenToTheNextAndIsBookedByWhoTakesIt() {
        TestDesk desk = TestDesk.full(jdbc);
        WebClient first = new WebClient(port);
        String slots = first.get(desk.slotsPath()).body();
        assertThat(slots).contains("id=\"no-slots\"", "href=\"" + desk.slotsPath() + "/attesa\"");

        String path = desk.slotsPath() + "/attesa";
        HttpResponse<String> empty = first.submit(path, path, Map.of("email", "", "language", "it"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#email\"", "href=\"#privacy\"", "<title>Errore:");
        Map<String, String> backwards = joinForm("x" + System.nanoTime() + "@example.org", "it");
        backwards.put("dal", "2099-01-02");
        backwards.put("al", "2099-01-01");
        HttpResponse<String> wrongDays = first.submit(path, path, backwards);
        assertThat(wrongDays.statusCode()).isEqualTo(422);
        assertThat(wrongDays.body()).contains("href=\"#from\"", "href=\"#to\"");

        String emailA = "lista-a" + System.nanoTime() + "@example.org";
        String a = join(first, desk, emailA, "fr");
        String b = join(new WebClient(port), desk, "lista-b" + System.nanoTime() + "@example.org", "it");
        String c = join(new WebClient(port), desk, "lista-c" + System.nanoTime() + "@example.org", "ar");
        HttpResponse<String> twice = new WebClient(port).submit(path, path, joinForm(emailA, "fr"));
        assertThat(twice.statusCode()).as("one place per address and service").isEqualTo(409);
        ImapMailbox mailboxA = new ImapMailbox(mailServer.imapPort(), emailA);
        ImapMailbox.Mail joinedMail = mailboxA.await(m -> m.text() != null && m.text().contains("/appuntamenti/attesa/" + a),
                Duration.ofSeconds(20));
        assertThat(joinedMail.text()).doesNotContain("{0}", "{2}");
        String placeA = first.get("/appuntamenti/attesa/" + a + "?iscritto&lang=it").body();
        assertThat(placeA).contains("id=\"joined\"", "id=\"ahead\"", "Nessuna");
        assertThat(new WebClient(port).get("/appuntamenti/attesa/" + c + "?lang=it").body()).contains("2 persone");

        // a time opens: offered to the first in line only, held for them
        desk.openOneTime(jdbc);
        offerUntil(() -> "OFFERED".equals(status(a)));
        assertThat(status(b)).isEqualTo("WAITING");
        assertThat(status(c)).isEqualTo("WAITING");
        assertThat(first.get(desk.slotsPath()).body()).as("held for the waiting list, not offered to others").contains("id=\"no-slots\"");
        ImapMailbox.Mail offerMail = mailboxA.await(m -> !m.messageId().equals(joinedMail.messageId()) && m.text() != null
                && m.text().contains("/appuntamenti/attesa/" + a), Duration.ofSeconds(20));
        assertThat(offerMail.text()).contains("10:00").doesNotContain("{0}");
        // the mail scanner opens the link: nothing changes
        new WebClient(port).get("/appuntamenti/attesa/" + a);
        assertThat(status(a)).isEqualTo("OFFERED");
        assertThat(first.get("/appuntamenti/attesa/" + a).body()).contains("id=\"offer\"", "/appuntamenti/attesa/" + a + "/accetta");

        // declined: the next one gets it, the first stays in line
        HttpResponse<String> declined = first.submit("/appuntamenti/attesa/" + a, "/appuntamenti/attesa/" + a + "/rifiuta", Map.of());
        assertThat(WebClient.location(declined)).endsWith("?rifiutato");
        offerUntil(() -> "OFFERED".equals(status(b)));
        assertThat(status(a)).isEqualTo("WAITING");

        // not answered in time: it passes to the third
        jdbc.sql("UPDATE appointment_offer SET offered_until = now() - interval '1 second' WHERE outcome = 'OPEN' "
                + "AND waiting_id = (SELECT id FROM appointment_waiting WHERE access_token = :t)").param("t", b).update();
        jdbc.sql("UPDATE appointment SET hold_until = now() - interval '1 second' WHERE id = (SELECT appointment_id FROM appointment_offer "
                + "WHERE outcome = 'OPEN' AND waiting_id = (SELECT id FROM appointment_waiting WHERE access_token = :t))").param("t", b).update();
        offerUntil(() -> "OFFERED".equals(status(c)));
        assertThat(status(b)).isEqualTo("WAITING");
        WebClient third = new WebClient(port);
        HttpResponse<String> lateB = new WebClient(port).submit("/appuntamenti/attesa/" + b, "/appuntamenti/attesa/" + b + "/rifiuta", Map.of());
        assertThat(lateB.statusCode()).isEqualTo(302);

        HttpResponse<String> accepted = third.submit("/appuntamenti/attesa/" + c, "/appuntamenti/attesa/" + c + "/accetta", Map.of());
        String booked = matchIn(WebClient.location(accepted), "/appuntamenti/mia/([A-Za-z0-9_-]{22})\\?prenotato");
        var row = jdbc.sql("SELECT status, email, language, booked_by FROM appointment WHERE access_token = :t").param("t", booked)
                .query().singleRow();
        assertThat(row.get("status")).isEqualTo("BOOKED");
        assertThat(String.valueOf(row.get("email"))).startsWith("lista-c");
        assertThat(row.get("language")).isEqualTo("ar");
        assertThat(row.get("booked_by")).isEqualTo("lista-attesa");
        assertThat(status(c)).isEqualTo("BOOKED");
        HttpResponse<String> again = third.post("/appuntamenti/attesa/" + c + "/accetta",
                Map.of("_csrf", WebClient.csrf(third.get(desk.slotsPath() + "/attesa").body())));
        assertThat(again.statusCode()).as("nothing offered any more").isEqualTo(410);

        // leaving the line
        HttpResponse<String> left = first.submit("/appuntamenti/attesa/" + a, "/appuntamenti/attesa/" + a + "/esci", Map.of());
        assertThat(WebClient.location(left)).endsWith("?uscito");
        assertThat(status(a)).isEqualTo("LEFT");
        assertThat(first.get("/appuntamenti/attesa/" + a).body()).contains("id=\"left\"").doesNotContain("/esci\"");

        // privacy: in the export, then erased
        assertThat(String.valueOf(privacy.export(emailA, "test").get("appointmentWaitingList"))).contains(emailA, "LEFT");
        privacy.erase(emailA, "test");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment_waiting WHERE lower(email) = lower(:e)").param("e", emailA)
                .query(Long.class).single()).isZero();
        assertThat(first.get("/appuntamenti/attesa/" + a).statusCode()).isEqualTo(404);
    }
}
