package it.comune.immigrati.questions.internal.intake;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionDesk;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.SmtpSender;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same input through the three ways in (the web form, the JSON API, an e-mail to the desk) meets
 * the one pipeline: the text length of each channel as ChannelRules says it, the same rules for a bad
 * address or a disguised file, and one hourly allowance per mailbox whichever way it asks. The last test
 * reads the compiled classes: no channel calls the desk, the limits or the rules around the pipeline.
 */
@AciTest
class QuestionIntakeTest {

    private static final String DESK = "quesiti@aci.local";
    /** A Windows program renamed to look like a PDF. */
    private static final byte[] PROGRAM = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    ChannelRules channels;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String text(int length) {
        StringBuilder text = new StringBuilder("Domanda ");
        while (text.length() < length) {
            text.append("lunga ");
        }
        return text.substring(0, length - 1) + "?";
    }

    private HttpResponse<String> web(String email, String text, List<FilePart> files) {
        return Residents.ask(new WebClient(port), Residents.question(email, "it", text), files);
    }

    private HttpResponse<String> api(String email, String text, String client) throws Exception {
        String json = """
                {"email": "%s", "language": "it", "topic": "lavoro", "text": "%s", "privacyConsent": true}"""
                .formatted(email, text);
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/questions"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends an e-mail to the desk and waits until the application has taken it: its status and outcome. */
    private Map<String, Object> mail(String from, String subject, String text, byte[] attachment) {
        String key = SmtpSender.send(mailServer.smtpPort(), from, DESK, subject, text, message -> {
            if (attachment == null) {
                return;
            }
            try {
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setContent(attachment, "application/pdf");
                file.setFileName("modulo.pdf");
                file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                message.setContent(new MimeMultipart(body, file));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT status, outcome FROM mail_inbound WHERE message_key = :k").param("k", key)
                        .query().listOfRows().stream().findFirst().orElse(Map.of("status", "NONE")),
                        row -> !row.get("status").equals("NONE") && !row.get("status").equals("NEW"));
    }

    private List<String> bodiesFrom(String email) {
        return jdbc.sql("""
                SELECT m.body FROM question_message m JOIN question q ON q.id = m.question_id
                WHERE q.email = :e ORDER BY m.id""").param("e", email).query(String.class).list();
    }

    private static String address(String who) {
        return who + System.nanoTime() + "@example.org";
    }

    @Test
    void eachChannelHasItsOneTextLengthRule() throws Exception {
        int form = channels.of(Channel.WEB).maxTextLength();
        assertThat(channels.of(Channel.API).maxTextLength()).isEqualTo(form);
        int mail = channels.of(Channel.EMAIL).maxTextLength();
        assertThat(mail).as("an e-mail is cut further out than the form").isGreaterThan(form);

        // the web form: the limit itself is taken, one more is refused with the rule's message
        assertThat(web(address("web"), text(form), List.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> longWeb = web(address("web"), text(form + 1), List.of());
        assertThat(longWeb.statusCode()).isEqualTo(422);
        assertThat(longWeb.body()).contains("id=\"form-errors\"", "maxlength=\"" + form + "\"");
        // the JSON API: the same numbers, the same refusal
        assertThat(api(address("api"), text(form), "10.71.0.1").statusCode()).isEqualTo(201);
        HttpResponse<String> longApi = api(address("api"), text(form + 1), "10.71.0.2");
        assertThat(longApi.statusCode()).isEqualTo(422);
        assertThat(longApi.body()).contains("\"errors\"");
        assertThat(longApi.body()).isEqualTo(api(address("api"), text(form + 1000), "10.71.0.3").body());
        // an e-mail: the form's limit is no limit there, and beyond its own the text is cut, not refused
        String fits = address("mail");
        assertThat(mail(fits, "Abbastanza lunga", text(form + 1), null)).containsEntry("status", "PROCESSED");
        assertThat(bodiesFrom(fits)).singleElement().satisfies(body -> assertThat(body).hasSize("Abbastanza lunga\n\n".length() + form + 1));
        String tooLong = address("mail");
        String sent = text(mail + 500);
        assertThat(mail(tooLong, "Troppo lunga", sent, null)).containsEntry("status", "PROCESSED");
        assertThat(bodiesFrom(tooLong)).singleElement().satisfies(body -> {
            assertThat(body.length()).isBetween(mail - 1, mail);
            assertThat("Troppo lunga\n\n" + sent).startsWith(body);
        });
    }

    @Test
    void hostileInputMeetsTheSameRulesOnEveryChannel() throws Exception {
        // an address no reply can reach: refused on the form and the API, not answered by e-mail
        String unreachable = "nessuno" + System.nanoTime() + "@localhost";
        assertThat(web(unreachable, "Una domanda da un indirizzo che non esiste.", List.of()).statusCode()).isEqualTo(422);
        HttpResponse<String> apiRefused = api(unreachable, "Una domanda da un indirizzo che non esiste.", "10.72.0.1");
        assertThat(apiRefused.statusCode()).isEqualTo(422);
        assertThat(mail(unreachable, "Domanda", "Una domanda da un indirizzo che non esiste.", null))
                .containsEntry("status", "IGNORED")
                .hasEntrySatisfying("outcome", outcome -> assertThat(outcome.toString()).contains("questions.error.email"));
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE email = :e").param("e", unreachable).query(Integer.class)
                .single()).isZero();

        // a program named like a PDF: the form refuses it, the e-mail keeps its text and leaves the file out
        String disguised = address("finto");
        HttpResponse<String> webRefused = web(disguised, "Vi mando il modulo compilato.",
                List.of(new FilePart("attachments", "modulo.pdf", "application/pdf", PROGRAM)));
        assertThat(webRefused.statusCode()).isEqualTo(422);
        assertThat(mail(disguised, "Modulo", "Vi mando il modulo compilato.", PROGRAM)).containsEntry("status", "PROCESSED");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM question_attachment a JOIN question_message m ON m.id = a.message_id
                JOIN question q ON q.id = m.question_id WHERE q.email = :e""").param("e", disguised).query(Integer.class)
                .single()).isZero();
        assertThat(bodiesFrom(disguised)).singleElement().satisfies(body -> assertThat(body).contains("modulo compilato"));
        // a real PDF passes the same check by e-mail
        String real = address("vero");
        assertThat(mail(real, "Modulo", "Vi mando il modulo compilato.", Residents.PDF)).containsEntry("status", "PROCESSED");
        assertThat(jdbc.sql("""
                SELECT a.content_type FROM question_attachment a JOIN question_message m ON m.id = a.message_id
                JOIN question q ON q.id = m.question_id WHERE q.email = :e""").param("e", real).query(String.class).list())
                .containsExactly("application/pdf");
    }

    /** The hourly allowance of a mailbox (5) is one, whether it asks by form, by API or by e-mail. */
    @Test
    void oneMailboxHasOneAllowanceOnEveryChannel() throws Exception {
        String mailbox = "sempre" + System.nanoTime();
        assertThat(web(mailbox + "+1@example.org", "La prima domanda, dal modulo.", List.of()).statusCode()).isEqualTo(302);
        assertThat(web(mailbox + "+2@example.org", "La seconda domanda, dal modulo.", List.of()).statusCode()).isEqualTo(302);
        assertThat(api(mailbox + "@example.org", "La terza domanda, dalle API.", "10.73.0.1").statusCode()).isEqualTo(201);
        assertThat(api(mailbox + "@example.org", "La quarta domanda, dalle API.", "10.73.0.2").statusCode()).isEqualTo(201);
        assertThat(mail(mailbox + "@example.org", "Quinta", "La quinta domanda, per e-mail.", null))
                .containsEntry("status", "PROCESSED");

        assertThat(web(mailbox + "@example.org", "La sesta domanda, dal modulo.", List.of()).statusCode()).isEqualTo(429);
        assertThat(api(mailbox + "+3@example.org", "La sesta domanda, dalle API.", "10.73.0.3").statusCode()).isEqualTo(429);
        assertThat(mail(mailbox + "@example.org", "Sesta", "La sesta domanda, per e-mail.", null))
                .as("held in the quarantine, not dropped").containsEntry("status", "QUARANTINED")
                .hasEntrySatisfying("outcome", outcome -> assertThat(outcome.toString()).contains("too many questions", "held back"));
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE email LIKE :m").param("m", mailbox + "%")
                .query(Integer.class).single()).isEqualTo(5);
    }

    /**
     * Read from the compiled classes: the desk stores, the rules judge, the limits count, the proof of work
     * is checked and the text length is read only inside the pipeline, so no channel can go around it.
     */
    @Test
    void noChannelGoesAroundThePipeline() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.comune.immigrati.questions", "it.comune.immigrati.platform");
        assertThat(callers(classes, QuestionDesk.class, "submit")).containsOnly("QuestionIntake", "DemoQuestions");
        assertThat(callers(classes, IntakeRules.class, "problems")).containsOnly("QuestionIntake");
        assertThat(callers(classes, SubmissionLimits.class, "allow")).containsOnly("QuestionIntake");
        assertThat(callers(classes, ProofOfWork.class, "verify")).containsOnly("QuestionIntake");
        assertThat(callers(classes, QuestionsProperties.class, "maxTextLength")).containsOnly("ChannelRules");
        assertThat(callers(classes, QuestionsProperties.class, "maxAttachments")).containsOnly("ChannelRules");
        assertThat(callers(classes, QuestionsProperties.class, "maxAttachmentSize")).containsOnly("ChannelRules");
    }

    private static Set<String> callers(JavaClasses classes, Class<?> owner, String method) {
        return classes.get(owner).getMethods().stream().filter(m -> m.getName().equals(method))
                .flatMap(m -> m.getAccessesToSelf().stream())
                .map(access -> access.getOrigin().getOwner().getSimpleName().replaceAll("\\$.*", ""))
                .filter(caller -> !caller.equals(owner.getSimpleName())) // one overload calling another
                .collect(Collectors.toSet());
    }
}
