package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import it.comune.immigrati.testing.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database survives what happens to real servers: a committed row is still there after
 * the application is killed with SIGKILL (its orphaned PostgreSQL is stopped and restarted), and after
 * a clean stop nothing is left running.
 */
@Slow
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

    @TempDir
    Path workDirectory;

    @Test
    void committedDataSurvivesKillMinusNineAndACleanStopLeavesNothingRunning() throws Exception {
        Path data = workDirectory.resolve("data");
        AppProcess app = new AppProcess(data);
        Duration firstStart = app.startAndAwaitHealthy(Duration.ofSeconds(90));
        log.info("First start (initdb included) to healthy: {} ms, RSS {} MiB", firstStart.toMillis(),
                app.residentKilobytes() / 1024);

        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "")) {
            db.createStatement().executeUpdate("""
                    INSERT INTO site_page (slug, language, title, body_markdown, updated_by)
                    VALUES ('privacy', 'en', 'Written before the crash', 'body', 'test')""");
        }
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        app.kill();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM")
                .contains(true);

        Duration restart = app.startAndAwaitHealthy(Duration.ofSeconds(90));
        log.info("Restart after kill -9 to healthy: {} ms", restart.toMillis());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("orphan stopped").isFalse();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
                ResultSet rs = db.createStatement().executeQuery("SELECT title FROM site_page WHERE slug = 'privacy' AND language = 'en'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Written before the crash");
        }

        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
        assertThat(app.stop()).as("exit code of a SIGTERM stop").isIn(0, 143);
        // pg_ctl returns once the server refuses connections; the postmaster process ends a moment later
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("PostgreSQL stopped with the application").isFalse();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();

        Duration cleanRestart = app.startAndAwaitHealthy(Duration.ofSeconds(90));
        log.info("Restart after a clean stop to healthy: {} ms, RSS {} MiB", cleanRestart.toMillis(),
                app.residentKilobytes() / 1024);
        app.stop();
    }
}
