package it.comune.immigrati.questions.internal.privacy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static it.comune.immigrati.testing.Residents.PDF;
import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/** Access, erasure and retention of a resident's data, through the staff pages and the nightly job. */
@AciTest
class QuestionPrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    QuestionPrivacy privacy;

    @Test
    void aSupervisorExportsThenErasesEverythingAboutAnAddress() throws Exception {
        String email = "privacy" + System.nanoTime() + "@example.org";
        Map<String, String> first = question(email, "it", "Mi chiamo Ana Popescu, il mio telefono è 333 111 2222. Domanda uno.");
        first.put("name", "Ana Popescu");
        HttpResponse<String> sent = ask(new WebClient(port), first,
                List.of(new FilePart("attachments", "passaporto.pdf", "application/pdf", PDF)));
        String privateLink = WebClient.location(sent).replace("?inviata", "");
        ask(new WebClient(port), question(email, "ro", "A doua întrebare despre permisul de ședere."), List.of());
        new ImapMailbox(mailServer.imapPort(), email).await(m -> true, Duration.ofSeconds(20));
        long sentMails = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :e AND status = 'SENT'")
                .param("e", email).query(Long.class).single();
        assertThat(sentMails).isPositive();

        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, supervisor);
        assertThat(office.get("/ufficio/privacy?email=" + email).body()).contains("Domande: 2");

        HttpResponse<String> export = office.submit("/ufficio/privacy?email=" + email, "/ufficio/privacy/esporta",
                Map.of("email", email));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(export.body()).contains("Domanda uno", "A doua întrebare", "passaporto.pdf", "\"base64\"",
                "\"direction\" : \"sent\"");

        HttpResponse<String> refused = office.submit("/ufficio/privacy?email=" + email, "/ufficio/privacy/cancella",
                Map.of("email", email));
        assertThat(WebClient.location(refused)).contains("/ufficio/privacy?email=");
        assertThat(privacy.questionsOf(email)).as("nothing erased without the confirmation").hasSize(2);

        List<Long> ids = privacy.questionsOf(email).stream().map(q -> q.id()).toList();
        office.submit("/ufficio/privacy?email=" + email, "/ufficio/privacy/cancella", Map.of("email", email, "confirm", "true"));
        assertThat(privacy.questionsOf(email)).isEmpty();
        assertThat(new WebClient(port).get(privateLink).statusCode()).as("the private link is dead").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :e").param("e", email).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM question_message m JOIN question q ON q.id = m.question_id
                WHERE m.body LIKE '%Domanda uno%' OR m.body LIKE '%A doua întrebare%'""").query(Integer.class).single())
                .as("the person's own words are gone, not only their name and number").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM question_message m JOIN question q ON q.id = m.question_id
                WHERE q.id IN (:ids) AND m.kind = 'CITIZEN' AND m.body = :erased""")
                .param("ids", ids).param("erased", QuestionPrivacy.ERASED_TEXT).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action IN ('privacy.export', 'privacy.erase')")
                .param("a", supervisor.username()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void questionsClosedLongerThanTheRetentionPeriodAreAnonymisedByTheNightlyJob() {
        String old = "vecchio" + System.nanoTime() + "@example.org";
        String recent = "recente" + System.nanoTime() + "@example.org";
        ask(new WebClient(port), question(old, "it", "Una domanda di tre anni fa sul permesso."), List.of());
        ask(new WebClient(port), question(recent, "it", "Una domanda chiusa la settimana scorsa."), List.of());
        jdbc.sql("UPDATE question SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE email = :e")
                .param("e", old).update();
        jdbc.sql("UPDATE question SET status = 'CLOSED', closed_at = now() - interval '7 days' WHERE email = :e")
                .param("e", recent).update();

        privacy.expire();

        assertThat(privacy.questionsOf(old)).isEmpty();
        assertThat(privacy.questionsOf(recent)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE anonymised_at IS NOT NULL AND email LIKE 'anonimo-%'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void operatorsCannotReachThePrivacyPage() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        assertThat(office.get("/ufficio/privacy").statusCode()).isEqualTo(403);
    }
}
