package it.comune.immigrati.questions;

import it.comune.immigrati.testing.Slow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import it.comune.immigrati.platform.Poller;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Comune's mail server goes away while an operator answers a series of questions: the answers are
 * saved and queued, the operator sees them waiting with the reason, and when the server is back every
 * answer reaches its resident exactly once, with the Message-ID it was given when queued.
 *
 * Mail is sent by a second node (its own JVM, same database) pointed at an SMTP server this test stops
 * and starts; this test's application only serves the operator and does not send meanwhile.
 */
@AciTest
@Slow
class AnswersWhileSmtpIsDownTest {

    private static final int QUESTIONS = 12;
    private static final Pattern CODE = Pattern.compile("\"code\":\"(Q-\\d{4}-\\d{6})\"");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    @Qualifier("outboxPoller")
    Poller applicationSender;

    @TempDir
    Path folder;

    @Test
    void answersQueuedWhileTheMailServerIsDownAreDeliveredOnceItReturns() throws Exception {
        ServerSetup smtp = new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail provider = new GreenMail(smtp);
        GreenMail back = new GreenMail(smtp); // the same server after its restart
        provider.start();
        HikariDataSource database = (HikariDataSource) dataSource;
        AppProcess sender = new AppProcess(folder.resolve("sender"));
        applicationSender.stop();
        try {
            sender.startAndAwaitHealthy(Duration.ofSeconds(90),
                    "--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=" + database.getUsername(),
                    "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getPort(), "--aci.mail.imap.enabled=false",
                    "--aci.mail.outbox.poll-interval=200ms", "--aci.mail.outbox.first-retry=1s", "--aci.mail.outbox.max-retry=2s");
            String run = "smtp-away-" + System.nanoTime();
            List<String> codes = new ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < QUESTIONS; i++) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/questions")).header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "10.66.0." + (i + 1)).POST(HttpRequest.BodyPublishers.ofString("""
                                {"email": "%s-%d@example.org", "language": "it", "topic": "lavoro",
                                 "text": "Posso cambiare datore di lavoro con il permesso per lavoro subordinato?", "privacyConsent": true}"""
                                .formatted(run, i))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                Matcher code = CODE.matcher(created.body());
                assertThat(code.find()).isTrue();
                codes.add(code.group(1));
            }
            Awaitility.await("the confirmations go out while the server is up").atMost(Duration.ofSeconds(30))
                    .until(() -> received(provider, run, "").size() == QUESTIONS);

            provider.stop(); // the mail server goes away
            TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
            WebClient office = new WebClient(port);
            TestStaff.login(office, operator);
            for (String code : codes) {
                HttpResponse<String> answered = office.submitMultipart("/ufficio/quesiti/" + code,
                        "/ufficio/quesiti/" + code + "/risposta", Map.of("text",
                                "Sì: il nuovo datore di lavoro comunica l'assunzione e il permesso resta valido."), List.of());
                assertThat(answered.statusCode()).as("the answer is saved although mail is down").isEqualTo(302);
            }
            Awaitility.await("every answer tried and waiting").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM mail_outbox
                    WHERE recipient LIKE :run AND status = 'PENDING' AND attempts >= 2 AND last_error IS NOT NULL""")
                    .param("run", run + "-%").query(Integer.class).single() == QUESTIONS);
            String questionPage = office.get("/ufficio/quesiti/" + codes.get(0)).body();
            assertThat(questionPage).as("the operator sees the answer waiting, and why").contains("In coda", "text-danger");
            assertThat(questionPage).containsIgnoringCase("connect");
            WebClient supervisor = new WebClient(port);
            TestStaff.login(supervisor, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
            assertThat(supervisor.get("/ufficio/posta").body()).as("the delivery list shows the queue and the error")
                    .contains(run + "-0@example.org", "In coda").containsIgnoringCase("connect");
            assertThat(jdbc.sql("SELECT count(*) FROM question WHERE code IN (:codes) AND status = 'ANSWERED'")
                    .param("codes", codes).query(Integer.class).single()).isEqualTo(QUESTIONS);

            back.start();
            Awaitility.await("every answer delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> received(back, run, "Risposta").size() >= QUESTIONS);
            Awaitility.await("and none twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> received(back, run, "Risposta").size() == QUESTIONS);
            Set<String> delivered = new HashSet<>();
            for (MimeMessage message : received(back, run, "Risposta")) {
                assertThat(delivered.add(message.getMessageID())).as("delivered once: " + message.getMessageID()).isTrue();
            }
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
                    SELECT message_id FROM mail_outbox WHERE recipient LIKE :run AND subject LIKE 'Risposta%'""")
                    .param("run", run + "-%").query(String.class).list());
            assertThat(office.get("/ufficio/quesiti/" + codes.get(0)).body()).contains("Consegnata al server di posta");
        } finally {
            sender.stop();
            provider.stop();
            back.stop();
            applicationSender.start();
        }
    }

    private static List<MimeMessage> received(GreenMail provider, String run, String subjectStart) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : provider.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().startsWith(run) && message.getSubject().startsWith(subjectStart)) {
                matching.add(message);
            }
        }
        return matching;
    }
}
