package it.comune.immigrati.questions.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.matchIn;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeping the inbox clean (spam, duplicates) and the supervisors' morning digest. */
@AciTest
class InboxToolsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    DailyDigest digest;

    private String asked(String email, String text) {
        HttpResponse<String> sent = ask(new WebClient(port), question(email, "it", text), List.of());
        return matchIn(new WebClient(port).get(WebClient.location(sent)).body(), "(Q-\\d{4}-\\d{6})");
    }

    @Test
    void spamLeavesTheInboxAndDuplicatesMerge() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        String spam = asked("spam" + System.nanoTime() + "@example.org", "Compra orologi a buon prezzo su questo sito");
        var marked = office.submit("/ufficio/quesiti/" + spam, "/ufficio/quesiti/" + spam + "/spam", Map.of());
        assertThat(marked.statusCode()).as("marked as spam: " + marked.body()).isEqualTo(302);
        assertThat(office.get("/ufficio/quesiti").body()).doesNotContain(spam);
        assertThat(office.get("/ufficio/quesiti?view=spam").body()).contains(spam);

        String email = "doppia" + System.nanoTime() + "@example.org";
        String first = asked(email, "Come faccio la residenza? Prima domanda.");
        String second = asked(email, "Come faccio la residenza? Scrivo di nuovo perché non so se è arrivata.");
        HttpResponse<String> merged = office.submit("/ufficio/quesiti/" + second, "/ufficio/quesiti/" + second + "/unisci",
                Map.of("into", first.toLowerCase()));
        assertThat(WebClient.location(merged)).isEqualTo("/ufficio/quesiti/" + first);
        String page = office.get("/ufficio/quesiti/" + first).body();
        assertThat(page).contains("Prima domanda", "Scrivo di nuovo", "Unito il quesito " + second);
        assertThat(jdbc.sql("SELECT status || ' ' || merged_into FROM question WHERE code = :c").param("c", second)
                .query(String.class).single()).isEqualTo("CLOSED " + first);
        HttpResponse<String> self = office.submit("/ufficio/quesiti/" + first, "/ufficio/quesiti/" + first + "/unisci",
                Map.of("into", first));
        assertThat(office.get(WebClient.location(self)).body()).contains("Codice non valido");
    }

    @Autowired
    Inbox inbox;

    /**
     * A word found in more questions than a page holds: the first page comes from the newest questions
     * only (the fast path), newest first, and the next page continues where it stopped.
     */
    @Test
    void aCommonWordFillsThePageNewestFirstAndTheNextPageContinues() throws Exception {
        String word = "parolacomune" + System.nanoTime();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 55; i++) {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/questions"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.91." + (i / 200) + "." + (i % 200 + 1))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                            {"email": "comune%d@example.org", "language": "it", "topic": "casa",
                             "text": "Domanda numero %d con la %s dentro.", "privacyConsent": true}""".formatted(i, i, word)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        List<String> expected = jdbc.sql("""
                SELECT q.code FROM question q JOIN question_message m ON m.question_id = q.id
                WHERE m.body LIKE :w ORDER BY q.last_message_at DESC, q.id DESC""").param("w", "%" + word + "%")
                .query(String.class).list();
        assertThat(expected).hasSize(55);
        List<QuestionRecords.InboxRow> first = inbox.page(new Inbox.Query(InboxView.OPEN, "", "", word, "x", null, null, 51));
        assertThat(first).extracting(QuestionRecords.InboxRow::code).containsExactlyElementsOf(expected.subList(0, 51));
        QuestionRecords.InboxRow last = first.get(49);
        List<QuestionRecords.InboxRow> next = inbox.page(new Inbox.Query(InboxView.OPEN, "", "", word, "x",
                last.lastMessageAt(), last.id(), 51));
        assertThat(next).extracting(QuestionRecords.InboxRow::code).containsExactlyElementsOf(expected.subList(50, 55));
    }

    @Test
    void theInboxFindsQuestionsByCodeAddressNameAndText() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        String email = "cerca" + System.nanoTime() + "@example.org";
        String code = asked(email, "Domanda sul contributo per l'affitto della casa popolare.");
        String other = asked("altro" + System.nanoTime() + "@example.org", "Domanda su tutt'altro argomento.");
        assertThat(office.get("/ufficio/quesiti?q=" + code.toLowerCase()).body()).contains(code).doesNotContain(other);
        assertThat(office.get("/ufficio/quesiti?q=" + email).body()).contains(code).doesNotContain(other);
        assertThat(office.get("/ufficio/quesiti?q=affitto+della+casa").body()).contains(code).doesNotContain(other);
        assertThat(office.get("/ufficio/quesiti?view=new&topic=ricongiungimento-familiare&language=it&q=affitto").body())
                .contains(code);
        assertThat(office.get("/ufficio/quesiti?view=new&language=ar&q=affitto").body()).doesNotContain(code);
    }

    @Test
    void supervisorsGetOneDigestADay() throws Exception {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        asked("ritardo" + System.nanoTime() + "@example.org", "Una domanda che è rimasta senza risposta troppo a lungo.");
        jdbc.sql("UPDATE question SET due_at = now() - interval '1 day' WHERE status = 'NEW'").update();
        LocalDate day = LocalDate.of(2030, 1, 2).plusDays(System.nanoTime() % 1000);
        assertThat(digest.sendFor(day)).isPositive();
        assertThat(digest.sendFor(day)).as("once a day, whatever the number of nodes").isZero();
        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), supervisor.username() + "@test.local")
                .await(m -> m.subject().contains("situazione di oggi"), Duration.ofSeconds(20));
        assertThat(mail.text()).containsPattern("In ritardo: [1-9]").contains("/ufficio/quesiti?view=overdue");
    }
}
