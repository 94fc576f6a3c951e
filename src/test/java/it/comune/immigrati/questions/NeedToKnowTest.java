package it.comune.immigrati.questions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff see what they need to know: mediators the questions in their languages and those assigned to
 * them (aci.questions.mediators-see, by default), protection cases only supervisors and the assignee;
 * a question one may not see is a 404 in every way. Every download of an attachment is audited.
 */
@AciTest
class NeedToKnowTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private String ask(String language, String text) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/questions")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", Residents.clientAddress("10.12", CLIENTS.incrementAndGet()))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "ntk%d@example.org", "language": "%s", "topic": "lavoro", "text": "%s", "privacyConsent": true}"""
                        .formatted(System.nanoTime(), language, text))).build(), HttpResponse.BodyHandlers.ofString());
        return Residents.createdCode(created).orElseThrow();
    }

    private WebClient signedIn(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        TestStaff.login(client, account);
        return client;
    }

    private static boolean inbox(WebClient staff, String view, String code) {
        HttpResponse<String> inbox = staff.get("/ufficio/quesiti?view=" + view);
        assertThat(inbox.statusCode()).isEqualTo(200);
        return inbox.body().contains("/ufficio/quesiti/" + code + "\"");
    }

    private static int note(WebClient staff, String code) {
        return staff.submit("/ufficio/quesiti", "/ufficio/quesiti/" + code + "/nota", Map.of("text", "Una nota.")).statusCode();
    }

    @Test
    void aMediatorSeesTheQuestionsInTheirLanguagesAndThoseAssignedToThem() throws Exception {
        String arabic = ask("ar", "هل يمكنني العمل أثناء تجديد تصريح الإقامة؟");
        String italian = ask("it", "Posso lavorare mentre rinnovo il permesso di soggiorno?");
        String assigned = ask("it", "Come si chiede il ricongiungimento familiare per mia moglie?");
        TestStaff.Account account = TestStaff.create(jdbc, passwords, "MEDIATOR");
        TestStaff.speaks(jdbc, account, "ar");
        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        assertThat(supervisor.submit("/ufficio/quesiti/" + assigned, "/ufficio/quesiti/" + assigned + "/assegna",
                Map.of("assignee", account.username())).statusCode()).isEqualTo(302);
        WebClient mediator = signedIn(account);

        assertThat(inbox(mediator, "open", arabic)).isTrue();
        assertThat(mediator.get("/ufficio/quesiti/" + arabic).statusCode()).isEqualTo(200);
        assertThat(inbox(mediator, "open", italian)).isFalse();
        assertThat(mediator.get("/ufficio/quesiti/" + italian).statusCode()).isEqualTo(404);
        assertThat(note(mediator, italian)).isEqualTo(404);
        assertThat(inbox(mediator, "open", assigned)).isTrue();
        assertThat(mediator.get("/ufficio/quesiti/" + assigned).statusCode()).isEqualTo(200);
        assertThat(inbox(supervisor, "open", italian)).as("the supervisor sees every language").isTrue();
    }

    @Test
    void similarAnsweredQuestionsAreOnlyThoseTheMemberMaySee() throws Exception {
        String word = "zyxparola" + (System.nanoTime() % 100000);
        String italian = ask("it", "Domanda su " + word + " e sul permesso di soggiorno per lavoro.");
        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        assertThat(supervisor.submit("/ufficio/quesiti/" + italian, "/ufficio/quesiti/" + italian + "/risposta",
                Map.of("text", "Ecco la risposta dell'ufficio.")).statusCode()).isEqualTo(302);
        String arabic = ask("ar", "سؤال عن " + word + " وتصريح الإقامة للعمل.");
        TestStaff.Account account = TestStaff.create(jdbc, passwords, "MEDIATOR");
        TestStaff.speaks(jdbc, account, "ar");
        WebClient mediator = signedIn(account);

        assertThat(supervisor.get("/ufficio/quesiti/" + arabic).body()).as("the supervisor is shown the similar one")
                .contains(italian);
        String page = mediator.get("/ufficio/quesiti/" + arabic).body();
        assertThat(page).as("not a mediator who may not open it").doesNotContain(italian);
    }

    @Test
    void aProtectionCaseIsSeenOnlyBySupervisorsAndTheAssignee() throws Exception {
        String code = ask("it", "Sono in pericolo e ho bisogno di aiuto per il mio permesso.");
        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        assertThat(supervisor.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/protezione",
                Map.of("on", "true")).statusCode()).isEqualTo(302);
        TestStaff.Account assigneeAccount = TestStaff.create(jdbc, passwords, "OPERATOR");
        assertThat(supervisor.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/assegna",
                Map.of("assignee", assigneeAccount.username())).statusCode()).isEqualTo(302);
        WebClient operator = signedIn(TestStaff.create(jdbc, passwords, "OPERATOR"));
        WebClient assignee = signedIn(assigneeAccount);

        assertThat(inbox(operator, "open", code)).isFalse();
        assertThat(inbox(operator, "protection", code)).isFalse();
        assertThat(operator.get("/ufficio/quesiti/" + code).statusCode()).isEqualTo(404);
        assertThat(note(operator, code)).isEqualTo(404);
        assertThat(inbox(supervisor, "protection", code)).isTrue();
        assertThat(supervisor.get("/ufficio/quesiti/" + code).statusCode()).isEqualTo(200);
        assertThat(inbox(assignee, "protection", code)).isTrue();
        assertThat(assignee.get("/ufficio/quesiti/" + code).statusCode()).isEqualTo(200);
    }

    @Test
    void everyDownloadOfAnAttachmentByStaffIsAudited() {
        WebClient resident = new WebClient(port);
        HttpResponse<String> sent = Residents.ask(resident, Residents.question("allegato" + System.nanoTime() + "@example.org",
                "it", "Vi mando il certificato richiesto."), List.of(new FilePart("attachments", "certificato.png",
                "image/png", Residents.PNG)));
        String token = WebClient.location(sent).replace("?inviata", "").substring("/quesiti/stato/".length());
        var row = jdbc.sql("""
                SELECT q.code, a.id FROM question q JOIN question_message m ON m.question_id = q.id
                JOIN question_attachment a ON a.message_id = m.id WHERE q.access_token = :t""").param("t", token)
                .query().singleRow();
        String code = (String) row.get("code");
        TestStaff.Account account = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient operator = signedIn(account);
        HttpResponse<String> download = operator.get("/ufficio/quesiti/" + code + "/allegati/" + row.get("id"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log
                WHERE actor = :u AND action = 'question.attachment-read' AND record_type = 'question' AND record_id = :c
                """).param("u", account.username()).param("c", code).query(Integer.class).single()).isEqualTo(1);
    }
}
