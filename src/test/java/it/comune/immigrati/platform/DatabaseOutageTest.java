package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.Residents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again while residents keep submitting questions: meanwhile the
 * application answers 503 with the friendly page (problem+json on the API) and a Retry-After, health
 * says DOWN, the public pages it has rendered stay readable; when PostgreSQL is back the application
 * recovers by itself, and every question that got a "created" answer is stored, once.
 */
@Slow
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);

    @TempDir
    Path workDirectory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // e-mail → code
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void theApplicationSaysUnavailableWhileThereIsNoDatabaseAndRecoversByItself() throws Exception {
        int databasePort = AppProcess.freePort();
        EmbeddedPostgres database = startDatabase(databasePort);
        AppProcess app = new AppProcess(workDirectory.resolve("app"));
        ExecutorService residents = Executors.newFixedThreadPool(4);
        try {
            app.startAndAwaitHealthy(Duration.ofSeconds(90),
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                    "--spring.datasource.username=postgres");
            assertThat(get(app, "/").statusCode()).isEqualTo(200); // rendered once, so kept in the page cache
            for (int thread = 0; thread < 4; thread++) {
                residents.submit(() -> submitUntilInterrupted(app));
            }
            Awaitility.await("submissions under way").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30);

            database.close(); // pg_ctl stop -m fast: sessions are cut, as in a restart or a failover
            int acknowledgedBeforeOutage = acknowledged.size();
            Awaitility.await("health DOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> health(app).statusCode() == 503);
            assertThat(health(app).body()).contains("\"DOWN\"");

            HttpResponse<String> page = get(app, "/quesiti/stato/" + "x".repeat(22));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("Servizio momentaneamente non disponibile").doesNotContain("Exception");
            HttpResponse<String> api = submit(app, "outage-probe@example.org", "10.99.0.1");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> home = get(app, "/");
            assertThat(home.statusCode()).as("public pages already rendered stay readable").isEqualTo(200);
            assertThat(home.body()).contains("Area Cittadini Immigrati");

            database = startDatabase(databasePort);
            Awaitility.await("health UP again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> health(app).statusCode() == 200);
            Awaitility.await("questions accepted again").atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.size() >= acknowledgedBeforeOutage + 20);
            residents.shutdownNow();
            assertThat(residents.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            log.info("{} submissions, {} acknowledged ({} before the outage); statuses {}", sent.get(),
                    acknowledged.size(), acknowledgedBeforeOutage, statuses);
            assertThat(statuses.keySet()).as("only 'created' or 'unavailable', never a 500").containsOnly(201, 503);
            assertThat(statuses.get(503).get()).as("some submissions met the outage").isPositive();

            Map<String, String> stored = new HashMap<>();
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
                    "postgres", ""); ResultSet rows = db.createStatement().executeQuery(
                            "SELECT email, code FROM question WHERE email LIKE 'outage-%'")) {
                while (rows.next()) {
                    assertThat(stored.put(rows.getString(1), rows.getString(2))).as("stored once: " + rows.getString(1)).isNull();
                }
            }
            assertThat(stored).containsAllEntriesOf(acknowledged);
        } finally {
            residents.shutdownNow();
            app.stop();
            database.close();
            java.nio.file.Files.copy(app.log(), Path.of("target", "DatabaseOutageTest-app.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(workDirectory.resolve("postgres")).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
    }

    private void submitUntilInterrupted(AppProcess app) {
        while (!Thread.currentThread().isInterrupted()) {
            int n = sent.incrementAndGet();
            String email = "outage-" + n + "@example.org";
            try {
                HttpResponse<String> answer = submit(app, email, Residents.clientAddress("10.77", n));
                statuses.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                Residents.createdCode(answer).ifPresent(code -> acknowledged.put(email, code));
                if (answer.statusCode() == 503) {
                    Thread.sleep(200); // as a client honouring Retry-After would, only quicker
                }
            } catch (IOException timeout) {
                statuses.computeIfAbsent(-1, status -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private HttpResponse<String> submit(AppProcess app, String email, String client) throws IOException, InterruptedException {
        return Residents.askThroughApi(http, app.port(), email, client,
                "Posso lavorare mentre aspetto il rinnovo del permesso di soggiorno?");
    }

    /** As a load balancer asks: no Accept header. */
    private HttpResponse<String> health(AppProcess app) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
