package it.comune.immigrati.questions;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;

import static it.comune.immigrati.testing.Residents.PDF;
import static it.comune.immigrati.testing.Residents.PNG;
import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.matchIn;
import static it.comune.immigrati.testing.Residents.question;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The question desk over real HTTP and IMAP, as a resident's browser without JavaScript and an operator use it. */
@AciTest
class QuestionDeskTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    static String newAddress(String who) {
        return who + System.nanoTime() + "@example.org";
    }

    static String token(HttpResponse<String> redirect) {
        Matcher matcher = Pattern.compile("/quesiti/stato/([A-Za-z0-9_-]{22})").matcher(WebClient.location(redirect));
        assertThat(matcher.find()).as(WebClient.location(redirect)).isTrue();
        return matcher.group(1);
    }

    @Test
    void aResidentAsksAndIsToldTheCodeAndThePrivateLinkByPageAndByEmail() throws Exception {
        WebClient resident = new WebClient(port);
        String email = newAddress("fatima");
        HttpResponse<String> sent = ask(resident, question(email, "fr",
                "Mon mari travaille à Saronno. Comment faire venir nos enfants en Italie ?"),
                List.of(new FilePart("attachments", "contratto.pdf", "application/pdf", PDF)));
        assertThat(sent.statusCode()).isEqualTo(302);
        String token = token(sent);

        HttpResponse<String> page = resident.get(WebClient.location(sent));
        assertThat(page.statusCode()).isEqualTo(200);
        String code = matchIn(page.body(), "(Q-\\d{4}-\\d{6})");
        assertThat(page.body()).contains("id=\"received\"", "/quesiti/stato/" + token, "contratto.pdf",
                "Comment faire venir nos enfants");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");

        var stored = jdbc.sql("SELECT status, language, topic, publish_consent, channel FROM question WHERE code = :c")
                .param("c", code).query().singleRow();
        assertThat(stored).containsEntry("status", "NEW").containsEntry("language", "fr")
                .containsEntry("publish_consent", true).containsEntry("channel", "WEB");

        ImapMailbox.Mail confirmation = new ImapMailbox(mailServer.imapPort(), email)
                .await(m -> m.subject().contains(code), Duration.ofSeconds(20));
        assertThat(confirmation.subject()).doesNotContain("Abbiamo ricevuto");
        assertThat(confirmation.text()).contains("/quesiti/stato/" + token, code);
        assertThat(confirmation.html()).contains("lang=\"fr\"");

        HttpResponse<String> attachment = resident.get(matchIn(page.body(), "href=\"(/quesiti/stato/[^\"]+/allegati/\\d+)\""));
        assertThat(attachment.statusCode()).isEqualTo(200);
        assertThat(attachment.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(attachment.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
    }

    @Test
    void aDoubleClickStoresOneQuestion() {
        WebClient resident = new WebClient(port);
        String email = newAddress("doppio");
        Map<String, String> fields = question(email, "it", "Come rinnovo il permesso di soggiorno per lavoro?");
        fields.put("submission", java.util.UUID.randomUUID().toString());
        HttpResponse<String> first = ask(resident, fields, List.of());
        HttpResponse<String> second = ask(resident, fields, List.of());
        assertThat(WebClient.location(second)).isEqualTo(WebClient.location(first));
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE email = :e").param("e", email).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAClearMessageInTheVisitorsLanguage() throws java.io.IOException {
        WebClient resident = new WebClient(port);
        String email = newAddress("errori");
        String text = "Una domanda abbastanza lunga per essere valida.";

        Map<String, String> noConsent = question(email, "it", text);
        noConsent.remove("privacy");
        assertRefused(ask(resident, noConsent, List.of()), 422, "informativa sulla privacy");
        assertRefused(ask(resident, question("non-un-indirizzo", "it", text), List.of()), 422, "indirizzo e-mail valido");
        assertRefused(ask(resident, question(email, "it", "corta"), List.of()), 422, "almeno 10 caratteri");
        assertRefused(ask(resident, question(email, "xx", text), List.of()), 422, "lingua della risposta");
        Map<String, String> badTopic = question(email, "it", text);
        badTopic.put("topic", "inesistente");
        assertRefused(ask(resident, badTopic, List.of()), 422, "Scegli un argomento");
        assertRefused(ask(resident, question(email, "it", text),
                List.of(new FilePart("attachments", "fattura.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes()))),
                422, "solo questi formati");
        assertRefused(ask(resident, question(email, "it", text),
                List.of(new FilePart("attachments", "a.pdf", "application/pdf", PDF), new FilePart("attachments", "b.pdf", "application/pdf", PDF),
                        new FilePart("attachments", "c.png", "image/png", PNG), new FilePart("attachments", "d.png", "image/png", PNG))),
                422, "al massimo tre file");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<String> oversize = ask(resident, question(email, "it", text),
                List.of(new FilePart("attachments", "grande.pdf", "application/pdf", big)));
        assertRefused(oversize, 422, "al massimo 10 MB");
        assertThat(oversize.body()).as("what the resident wrote is kept").contains(text);
        String beyond = oversizeUploadWaitingForTheGoAhead();
        assertThat(beyond).startsWith("HTTP/1.1 413 ").doesNotContain("HTTP/1.1 100")
                .contains("File troppo grande", "<html lang=\"it\"").doesNotContain("Exception", "Tomcat");
        Map<String, String> bot = question(email, "it", text);
        bot.put("website", "http://spam.example");
        assertRefused(ask(resident, bot, List.of()), 422, "non è stata inviata");

        resident.get("/?lang=ar");
        HttpResponse<String> arabic = ask(resident, question("x", "ar", text), List.of());
        assertThat(arabic.statusCode()).isEqualTo(422);
        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "id=\"form-errors\"")
                .doesNotContain("indirizzo e-mail valido");
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE email = :e").param("e", email).query(Integer.class).single())
                .as("nothing stored").isZero();
    }

    /**
     * Announces a 45 MB multipart body with {@code Expect: 100-continue}, as curl does for large bodies,
     * and returns all the server answers. The refusal must come instead of the go-ahead, so the body never
     * crosses the network (Tomcat's default gave the go-ahead first). A browser sends the body at once; the
     * server then refuses it just as early, but closing with the unread rest pending resets the connection,
     * which can cut off the refusal page before the client has read it, so a test cannot check it that way.
     */
    private String oversizeUploadWaitingForTheGoAhead() throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /quesiti/nuovo HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 45 * 1024 * 1024
                    + "\r\nExpect: 100-continue\r\nAccept: text/html\r\nAccept-Language: it\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server closes the connection after a refusal whose body it did not read
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(message).contains("id=\"form-errors\"").doesNotContain("Exception");
    }

    @Test
    void scriptInAQuestionIsShownAsTextNeverRun() {
        WebClient resident = new WebClient(port);
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)> domanda";
        HttpResponse<String> sent = ask(resident, question(newAddress("xss"), "it", payload), List.of());
        String page = resident.get(WebClient.location(sent)).body();
        assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(");
    }

    @Test
    void tooManySubmissionsFromOneAddressAreRefusedPolitely() {
        String email = newAddress("ripetuto");
        for (int i = 0; i < 5; i++) {
            assertThat(ask(new WebClient(port), question(email, "it", "Domanda numero " + i + " sul permesso"), List.of())
                    .statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = ask(new WebClient(port), question(email, "it", "Domanda numero sei sul permesso"), List.of());
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Aspetta un'ora", "id=\"form-errors\"");
    }

    @Test
    void anUnknownPrivateLinkShowsNothing() {
        assertThat(new WebClient(port).get("/quesiti/stato/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/quesiti/stato/1").statusCode()).isEqualTo(404);
    }

    /**
     * Private links cannot be guessed (128 random bits, no order) nor enumerated: an unknown link, a
     * malformed one and another question's file all get the same 404, and a client that keeps trying
     * unknown links is refused for a while, even for a link that exists.
     */
    @Test
    void privateLinksCannotBeGuessedNorEnumerated() {
        WebClient resident = new WebClient(port);
        HttpResponse<String> mine = ask(resident, question(newAddress("link-a"), "it", "Prima domanda con un allegato."),
                List.of(new FilePart("attachments", "ricevuta.pdf", "application/pdf", PDF)));
        HttpResponse<String> theirs = ask(resident, question(newAddress("link-b"), "it", "Seconda domanda con un allegato."),
                List.of(new FilePart("attachments", "contratto.pdf", "application/pdf", PDF)));
        String myPage = WebClient.location(mine).replace("?inviata", "");
        String theirFile = matchIn(resident.get(WebClient.location(theirs)).body(), "href=\"/quesiti/stato/[^\"]+(/allegati/\\d+)\"");
        Set<String> tokens = new HashSet<>(jdbc.sql("SELECT access_token FROM question").query(String.class).list());
        assertThat(tokens).allSatisfy(t -> assertThat(t).matches("[A-Za-z0-9_-]{22}"));
        assertThat(tokens).as("no two alike").hasSize(jdbc.sql("SELECT count(*) FROM question").query(Integer.class).single());

        WebClient guesser = new WebClient(port);
        String notFound = guesser.get("/quesiti/stato/AAAAAAAAAAAAAAAAAAAAAA").body().replace("AAAAAAAAAAAAAAAAAAAAAA", "…");
        assertThat(guesser.get(myPage + theirFile).statusCode()).as("another question's file").isEqualTo(404);
        assertThat(guesser.get("/quesiti/stato/short").statusCode()).isEqualTo(404);
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int answered404 = 0;
        for (int i = 0; i < 40; i++) {
            StringBuilder guess = new StringBuilder();
            for (int c = 0; c < 22; c++) {
                guess.append(alphabet.charAt(random.nextInt(64)));
            }
            HttpResponse<String> response = guesser.get("/quesiti/stato/" + guess);
            assertThat(response.statusCode()).isIn(404, 429);
            if (response.statusCode() == 404) {
                answered404++;
                assertThat(response.body().replace(guess, "…")).as("nothing tells one miss from another").isEqualTo(notFound);
            }
        }
        assertThat(answered404).as("refused after the allowance of unknown links").isBetween(25, 30);
        HttpResponse<String> refused = guesser.get(myPage);
        assertThat(refused.statusCode()).as("even a real link, once the client is refused").isEqualTo(429);
        assertThat(refused.body()).doesNotContain("Prima domanda");
        assertThat(resident.get(myPage).statusCode()).as("other clients are not affected").isEqualTo(200);
    }

    @Test
    void anOperatorAnswersAndTheResidentReadsItByEmailAndOnThePrivatePage() throws Exception {
        WebClient resident = new WebClient(port);
        String email = newAddress("amina");
        HttpResponse<String> sent = ask(resident, question(email, "it",
                "Il mio permesso scade il mese prossimo. Quando devo chiedere il rinnovo?"), List.of());
        String statusPage = WebClient.location(sent).replace("?inviata", "");
        String code = matchIn(resident.get(statusPage).body(), "(Q-\\d{4}-\\d{6})");

        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        assertThat(office.get("/ufficio/quesiti?view=new").body()).contains(code);
        String questionPage = office.get("/ufficio/quesiti/" + code).body();
        assertThat(questionPage).contains(email, "Quando devo chiedere il rinnovo");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'question.read' AND record_id = :c")
                .param("a", operator.username()).param("c", code).query(Integer.class).single()).isEqualTo(1);

        office.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/assegna", Map.of("assignee", operator.username()));
        assertThat(office.get("/ufficio/quesiti?view=mine").body()).contains(code);
        office.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/nota", Map.of("text", "Controllare la data sul cedolino."));
        String answer = "La domanda di rinnovo va presentata almeno 60 giorni prima della scadenza.\nUsi il kit postale.";
        HttpResponse<String> answered = office.submitMultipart("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/risposta",
                Map.of("text", answer), List.of());
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'question.read' AND record_id = :c")
                .param("a", operator.username()).param("c", code).query(Integer.class).single())
                .as("one visit with five page loads is one read").isEqualTo(1);
        jdbc.sql("UPDATE question_view SET seen_at = now() - interval '31 minutes' WHERE username = :a")
                .param("a", operator.username()).update();
        office.get("/ufficio/quesiti/" + code);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'question.read' AND record_id = :c")
                .param("a", operator.username()).param("c", code).query(Integer.class).single())
                .as("coming back later is a new visit").isEqualTo(2);
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        WebClient auditor = new WebClient(port);
        TestStaff.login(auditor, admin);
        String log = auditor.get("/ufficio/audit?action=question.read&record=" + code).body();
        assertThat(log).as("in the reader's language, with the code to filter by").contains("Quesito letto", ">question.read<", "Quesito <span");
        auditor.get("/?lang=en");
        assertThat(auditor.get("/ufficio/audit?action=question.read&record=" + code).body()).contains("Question read");

        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), email)
                .await(m -> m.subject().startsWith("Risposta"), Duration.ofSeconds(20));
        assertThat(mail.subject()).contains(code);
        assertThat(mail.text()).contains("almeno 60 giorni prima della scadenza", "Usi il kit postale", statusPage);
        assertThat(mail.html()).contains("almeno 60 giorni prima della scadenza.<br>Usi il kit postale.");

        String residentView = resident.get(statusPage).body();
        assertThat(residentView).contains("almeno 60 giorni", "Risposta inviata").doesNotContain("cedolino");
        String officeView = office.get("/ufficio/quesiti/" + code).body();
        assertThat(officeView).contains("cedolino", "Consegnata al server di posta");

        resident.submit(statusPage, statusPage + "/valutazione", Map.of("rating", "5", "comment", "Grazie mille"));
        resident.submit(statusPage, statusPage + "/chiudi", Map.of());
        var closed = jdbc.sql("SELECT status, rating FROM question WHERE code = :c").param("c", code).query().singleRow();
        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(((Number) closed.get("rating")).intValue()).isEqualTo(5);
    }

    @Test
    void aResidentAddsAMessageAndTheQuestionReopens() {
        WebClient resident = new WebClient(port);
        HttpResponse<String> sent = ask(resident, question(newAddress("ri"), "it", "Prima domanda sul ricongiungimento."), List.of());
        String statusPage = WebClient.location(sent).replace("?inviata", "");
        jdbc.sql("UPDATE question SET status = 'ANSWERED' WHERE access_token = :t").param("t", statusPage.substring(16)).update();
        HttpResponse<String> added = resident.submitMultipart(statusPage, statusPage + "/messaggio",
                Map.of("text", "Ecco il certificato che mi avete chiesto."),
                List.of(new FilePart("attachments", "certificato.png", "image/png", PNG)));
        assertThat(added.statusCode()).isEqualTo(302);
        String page = resident.get(statusPage).body();
        assertThat(page).contains("Ecco il certificato", "certificato.png", "Ricevuta");
    }

    @Test
    void aColleagueOpeningTheSameQuestionIsWarned() {
        HttpResponse<String> sent = ask(new WebClient(port), question(newAddress("due"), "it", "Domanda vista da due colleghi."), List.of());
        String code = matchIn(new WebClient(port).get(WebClient.location(sent)).body(), "(Q-\\d{4}-\\d{6})");
        TestStaff.Account first = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account second = TestStaff.create(jdbc, passwords, "MEDIATOR");
        WebClient one = new WebClient(port);
        WebClient two = new WebClient(port);
        TestStaff.login(one, first);
        TestStaff.login(two, second);
        assertThat(one.get("/ufficio/quesiti/" + code).body()).doesNotContain("id=\"colleague-warning\"");
        assertThat(two.get("/ufficio/quesiti/" + code).body()).contains("id=\"colleague-warning\"", first.username());
    }

    @Test
    void twoHundredConcurrentSubmissionsAreAllStoredWithUniqueCodes() throws Exception {
        String batch = "conc" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(pool.submit(() -> ask(new WebClient(port),
                    question(batch + "-" + n + "@example.org", "it", "Domanda concorrente numero " + n), List.of()).statusCode()));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(302);
        }
        pool.shutdown();
        List<String> codes = jdbc.sql("SELECT code FROM question WHERE email LIKE :b").param("b", batch + "-%")
                .query(String.class).list();
        Set<String> unique = new HashSet<>(codes);
        assertThat(codes).hasSize(200);
        assertThat(unique).hasSize(200);
    }


    /**
     * A long private page (a thread of long messages) opened on a device that has no session yet: the
     * reply form's token must still be accepted. jte wrote pages as it rendered them, so the response was
     * committed before the form asked for its token, no session could be made, and the reply got a 403.
     */
    @Test
    void aReplyFromALongPrivatePageOnAFreshDeviceIsAccepted() {
        WebClient first = new WebClient(port);
        HttpResponse<String> sent = ask(first, question(newAddress("lungo"), "it", "Una domanda con una lunga conversazione."), List.of());
        String page = WebClient.location(sent).replace("?inviata", "");
        for (int n = 0; n < 4; n++) {
            HttpResponse<String> added = first.submitMultipart(page, page + "/messaggio",
                    Map.of("text", ("Messaggio lungo " + n + ": ").repeat(250)), List.of());
            assertThat(added.statusCode()).as("message " + n).isEqualTo(302);
        }
        WebClient fresh = new WebClient(port);
        String form = fresh.get(page).body();
        assertThat(form.length()).as("longer than any response buffer").isGreaterThan(20_000);
        assertThat(form).as("the code in the heading never breaks at its hyphens")
                .containsPattern("<h1>Domanda <span class=\"aci-nowrap\" dir=\"ltr\">Q-\\d{4}-\\d{6}</span></h1>");
        HttpResponse<String> reply = fresh.submitMultipart(page, page + "/messaggio", Map.of("text", "Grazie, un'ultima domanda."), List.of());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(302);
    }

    /**
     * A supervisor assigns a question to a mediator: the mediator is told by e-mail (the code and a link to
     * the staff area, nothing of the resident) and sees it counted on their staff home.
     */
    @Test
    void theColleagueAQuestionIsAssignedToIsToldByEmailAndOnTheirHome() throws Exception {
        WebClient resident = new WebClient(port);
        HttpResponse<String> sent = ask(resident, question(newAddress("yusuf"), "it",
                "Ho perso il lavoro: il mio permesso per lavoro è ancora valido?"), List.of());
        String code = matchIn(resident.get(WebClient.location(sent).replace("?inviata", "")).body(), "(Q-\\d{4}-\\d{6})");
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        TestStaff.Account mediator = TestStaff.create(jdbc, passwords, "MEDIATOR");
        WebClient lead = new WebClient(port);
        TestStaff.login(lead, supervisor);
        lead.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/assegna", Map.of("assignee", mediator.username()));

        ImapMailbox.Mail told = new ImapMailbox(mailServer.imapPort(), mediator.username() + "@test.local")
                .await(m -> m.subject() != null && m.subject().contains(code), Duration.ofSeconds(20));
        assertThat(told.text()).contains(supervisor.username(), "/ufficio/quesiti/" + code).doesNotContain("yusuf", "permesso per lavoro");
        WebClient colleague = new WebClient(port);
        TestStaff.login(colleague, mediator);
        assertThat(colleague.get("/ufficio").body()).contains("Assegnati a te: 1");

        lead.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/assegna", Map.of("assignee", supervisor.username()));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r").param("r", supervisor.username() + "@test.local")
                .query(Integer.class).single()).as("taking a question oneself sends nothing").isZero();
    }
}
