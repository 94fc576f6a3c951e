package it.comune.immigrati.guides.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A guide past its review date is flagged on the staff home and in the weekly mail to editors, sent once. */
@AciTest
class ReviewRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    GuideWorkflow workflow;

    @Autowired
    GuideStore store;

    @Autowired
    Clock clock;

    @Autowired
    ReviewReminder reminder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Test
    void aGuidePastItsReviewDateIsFlaggedOnTheStaffHomeAndMailedToEditorsOnceAWeek() {
        String slug = "prova-revisione-" + System.nanoTime();
        long id = workflow.create(slug, "casa", List.of("casa"), LocalDate.now(clock).minusDays(3), "test");
        workflow.save(id, Language.DEFAULT, new GuideRecords.Text("Affitto: cosa sapere", "", "Testo.", List.of()), "test", "");

        TestStaff.Account editorAccount = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient editor = new WebClient(port);
        TestStaff.login(editor, editorAccount);
        assertThat(editor.get("/ufficio").body()).contains("superato la data di revisione", "/ufficio/guide?filtro=da-rivedere");
        assertThat(editor.get("/ufficio/guide?filtro=da-rivedere").body()).contains("data-slug=\"" + slug + "\"", "revisione scaduta");

        TestStaff.Account operatorAccount = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient operator = new WebClient(port);
        TestStaff.login(operator, operatorAccount);
        assertThat(operator.get("/ufficio").body()).as("not for operators").doesNotContain("data di revisione");
        assertThat(operator.get("/ufficio/guide").statusCode()).isEqualTo(403);

        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(reminder.sendFor(monday)).isPositive();
        assertThat(reminder.sendFor(monday)).as("once a week, however many nodes").isZero();
        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), editorAccount.username() + "@test.local")
                .await(m -> m.subject().contains("da rivedere"), Duration.ofSeconds(20));
        assertThat(mail.text()).contains("Affitto: cosa sapere", "/ufficio/guide/" + id, "/ufficio/guide?filtro=da-rivedere");

        // checked today: the flag goes away and the next review date is a year ahead
        editor.submit("/ufficio/guide/" + id, "/ufficio/guide/" + id + "/rivista", java.util.Map.of());
        assertThat(store.byId(id).orElseThrow().reviewBy()).isAfter(LocalDate.now(clock).plusMonths(11));
        assertThat(editor.get("/ufficio/guide?filtro=da-rivedere").body()).doesNotContain("data-slug=\"" + slug + "\"");
    }
}
