package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.Residents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the application in the middle of a burst of submissions: after the restart every question
 * that got a "created" answer is in the database with its confirmation e-mail queued, and none is there
 * twice.
 */
@Slow
class CrashDuringBurstTest {

    private static final Logger log = LoggerFactory.getLogger(CrashDuringBurstTest.class);

    @TempDir
    Path workDirectory;

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillDuringABurst() throws Exception {
        AppProcess app = new AppProcess(workDirectory.resolve("data"));
        app.startAndAwaitHealthy(Duration.ofSeconds(90));
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // e-mail → code
        AtomicInteger sent = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService residents = Executors.newFixedThreadPool(8);
        for (int thread = 0; thread < 8; thread++) {
            residents.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = sent.incrementAndGet();
                    String email = "burst-" + n + "@example.org";
                    try {
                        HttpResponse<String> answer = Residents.askThroughApi(http, app.port(), email,
                                Residents.clientAddress("10.88", n), "Come si chiede il certificato di idoneità alloggiativa?");
                        Residents.createdCode(answer).ifPresent(code -> acknowledged.put(email, code));
                    } catch (java.io.IOException gone) {
                        return; // the application was killed
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
        }
        Awaitility.await("a burst under way").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
        app.kill();
        residents.shutdownNow();
        assertThat(residents.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        log.info("Killed after {} acknowledged submissions of {} sent", acknowledged.size(), sent.get());

        app.startAndAwaitHealthy(Duration.ofSeconds(90));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres",
                "postgres", "")) {
            Map<String, String> stored = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery(
                    "SELECT email, code FROM question WHERE email LIKE 'burst-%'")) {
                while (rows.next()) {
                    assertThat(stored.put(rows.getString(1), rows.getString(2))).as("stored once: " + rows.getString(1)).isNull();
                }
            }
            assertThat(stored).containsAllEntriesOf(acknowledged);
            try (ResultSet queued = db.createStatement().executeQuery(
                    "SELECT count(DISTINCT recipient) FROM mail_outbox WHERE recipient LIKE 'burst-%'")) {
                queued.next();
                assertThat(queued.getInt(1)).as("each stored question has its confirmation queued").isEqualTo(stored.size());
            }
            log.info("After restart: {} questions stored, {} acknowledged", stored.size(), acknowledged.size());
        } finally {
            app.stop();
        }
    }
}
