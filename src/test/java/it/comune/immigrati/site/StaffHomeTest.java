package it.comune.immigrati.site;

import java.net.http.HttpResponse;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff home lists the work waiting for the signed-in member: their questions past the reply date, the
 * office's for supervisors, and mail that failed or waits in quarantine for those who look after the mail.
 */
@AciTest
class StaffHomeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void eachMemberSeesTheirOverdueQuestionsAndSupervisorsTheOfficesAndTheMailProblems() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient operatorHome = loggedIn(operator);
        WebClient supervisorHome = loggedIn(supervisor);
        assertThat(notices(operatorHome)).as("nothing of theirs is late yet").doesNotContain("assegnat");

        HttpResponse<String> sent = Residents.ask(new WebClient(port),
                Residents.question("casa-" + System.nanoTime() + "@example.org", "it", "Quando scade la mia carta d'identità?"), List.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        String code = jdbc.sql("SELECT code FROM question ORDER BY id DESC LIMIT 1").query(String.class).single();
        jdbc.sql("UPDATE question SET assigned_to = :u, status = 'OPEN', due_at = now() - interval '1 day' WHERE code = :c")
                .param("u", operator.username()).param("c", code).update();

        assertThat(notices(operatorHome)).contains("Un quesito assegnato a te ha superato la data di risposta",
                "href=\"/ufficio/quesiti?view=mine\"").doesNotContain("view=overdue", "/ufficio/posta");
        assertThat(notices(supervisorHome)).containsPattern("quesit. dell’ufficio ha(nno)? superato la data di risposta")
                .contains("href=\"/ufficio/quesiti?view=overdue\"");

        jdbc.sql("""
                INSERT INTO mail_outbox (id, message_id, recipient, language, subject, text_body, html_body, status, failure)
                VALUES (gen_random_uuid(), :mid, 'nessuno@example.invalid', 'it', 'Risposta', 'testo', '<p>testo</p>', 'FAILED', 'gave-up')
                """).param("mid", "<fallita-" + System.nanoTime() + "@test>").update();
        assertThat(notices(supervisorHome)).containsPattern("non (è stata consegnata|sono state consegnate) negli ultimi 7 giorni")
                .contains("href=\"/ufficio/posta?status=FAILED\"");
        assertThat(notices(operatorHome)).as("operators do not look after the mail").doesNotContain("/ufficio/posta");
    }

    private WebClient loggedIn(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        TestStaff.login(client, account);
        return client;
    }

    /** The notices section of the staff home, or nothing when there is none. */
    private static String notices(WebClient client) {
        String home = client.get("/ufficio").body();
        int start = home.indexOf("id=\"notices-title\"");
        return start < 0 ? "" : home.substring(start, home.indexOf("</section>", start));
    }
}
