package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL, as behind a reverse proxy: this test's application and a
 * second one in its own JVM, both delivering mail to the same SMTP server. A staff session started on
 * one node is valid on the other; a burst of questions split across both is stored once each, and each
 * confirmation e-mail is delivered exactly once although both nodes drain the same outbox; a daily job
 * that both nodes start at the same time runs once.
 */
@AciTest
@Slow
class TwoNodesTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @TempDir
    Path folder;

    @Autowired
    ApplicationContext context;

    /**
     * Today's digest is claimed afresh, then both nodes try to send it at once: the other node every
     * second by its schedule, this one by calling the same scheduled method from several threads.
     * Exactly one run does the work, and each supervisor gets one digest.
     */
    private void jobsRunOnceAcrossNodes() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        jdbc.sql("DELETE FROM job_run WHERE job = 'questions-digest' AND day = :d").param("d", today).update();
        Object digest = context.getBean(Class.forName("it.comune.immigrati.questions.internal.DailyDigest"));
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            for (int attempt = 0; attempt < 12; attempt++) {
                racers.submit(() -> ReflectionTestUtils.invokeMethod(digest, "send"));
                Thread.sleep(250);
            }
        } finally {
            racers.shutdown();
            assertThat(racers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM job_run WHERE job = 'questions-digest' AND day = :d").param("d", today)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND related_type = 'digest'")
                .param("r", supervisor.username() + "@test.local").query(Integer.class).single())
                .as("one digest for the supervisor, whichever node sent it").isEqualTo(1);
    }

    @Test
    void sessionsQuestionsAndMailAreSharedByTwoNodes() throws Exception {
        HikariDataSource database = (HikariDataSource) dataSource;
        AppProcess other = new AppProcess(folder.resolve("node-b"));
        other.startAndAwaitHealthy(Duration.ofSeconds(90),
                "--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                "--spring.mail.host=" + mail.smtpHost(), "--spring.mail.port=" + mail.smtpPort(),
                "--aci.mail.imap.enabled=false", "--aci.mail.outbox.poll-interval=200ms",
                // the supervisors' daily digest fires every second on the other node, racing this one's
                "--aci.questions.digest-cron=* * * * * *");
        try {
            // signed in on this node, recognised on the other
            TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
            WebClient nodeA = new WebClient(port);
            TestStaff.login(nodeA, operator);
            String session = nodeA.cookie("ACI_SESSION");
            assertThat(session).isNotNull();
            HttpResponse<String> onB = new WebClient(other.port()).get("/ufficio", "Cookie", "ACI_SESSION=" + session);
            assertThat(onB.statusCode()).as("the other node knows the session").isEqualTo(200);
            assertThat(onB.body()).contains(operator.username());
            assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u").param("u", operator.username())
                    .query(Integer.class).single()).isEqualTo(1);

            // a burst split across both nodes
            String run = "two-nodes-" + System.nanoTime();
            int perNode = 20;
            HttpClient http = HttpClient.newHttpClient();
            List<Future<Integer>> answers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                for (int i = 0; i < 2 * perNode; i++) {
                    int target = i % 2 == 0 ? port : other.port();
                    String email = run + "-" + i + "@example.org";
                    String client = "10.77." + (i / 200) + "." + (i % 200 + 1);
                    answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target
                            + "/api/v1/questions")).header("Content-Type", "application/json").header("X-Forwarded-For", client)
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"email": "%s", "language": "it", "topic": "lavoro",
                                     "text": "Posso lavorare mentre aspetto il rinnovo del permesso?", "privacyConsent": true}"""
                                    .formatted(email))).build(), HttpResponse.BodyHandlers.ofString()).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.sql("SELECT count(DISTINCT code) FROM question WHERE email LIKE :run")
                    .param("run", run + "-%").query(Integer.class).single()).isEqualTo(2 * perNode);

            List<EmbeddedMailServer.ReceivedMail> confirmations = Awaitility.await("every confirmation delivered")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> mail.received().stream().filter(m -> m.to().contains(run)).toList(),
                            received -> received.size() >= 2 * perNode);
            Awaitility.await("no second delivery of any of them").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> mail.received().stream().filter(m -> m.to().contains(run)).count() == 2L * perNode);
            Set<String> ids = new HashSet<>();
            Set<String> recipients = new HashSet<>();
            for (EmbeddedMailServer.ReceivedMail received : mail.received().stream().filter(m -> m.to().contains(run)).toList()) {
                assertThat(ids.add(received.messageId())).as("delivered once: " + received.messageId()).isTrue();
                recipients.add(received.to());
            }
            assertThat(confirmations).hasSize(2 * perNode);
            assertThat(recipients).hasSize(2 * perNode);

            jobsRunOnceAcrossNodes();
        } finally {
            other.stop();
        }
    }
}
