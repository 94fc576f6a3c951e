package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The restore drill of docs/deployment.md, done on every build: a PostgreSQL 17 primary with a WAL
 * archive, the application writing questions into it, an online base backup, a streaming replica made
 * from that backup, the loss of the primary and a failover to the replica, and a restore of the same
 * backup from the WAL archive alone. Every question that got a "created" answer must be on the promoted
 * replica and in the restored copy, once.
 * <p>
 * zonky ships no pg_basebackup, and the Debian client tools are too old for a 17 server, so the backup is
 * taken as pg_basebackup takes it: PostgreSQL's low-level backup API ({@code pg_backup_start} /
 * {@code pg_backup_stop}) on one session, with a plain file copy in between.
 */
@Slow
class BackupRestoreDrillTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreDrillTest.class);
    private static final Duration APP_START_LIMIT = Duration.ofSeconds(90);
    private static final Duration REPLICATION_LIMIT = Duration.ofSeconds(30);

    /** Runtime files of a running server that a base backup leaves out (as pg_basebackup does). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts",
            "epg-lock", // zonky's own lock file: each copy gets its own when started
            "pg_internal.init");
    /** Folders that a base backup keeps empty: WAL comes from the archive, the rest is rebuilt at start. */
    private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    @TempDir
    Path workDirectory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** e-mail → code of every question the application acknowledged with 201, in order. */
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private int sent;

    private final List<AppProcess> runningApps = new ArrayList<>();
    private final List<EmbeddedPostgres> runningDatabases = new ArrayList<>();

    @Test
    void aBaseBackupAndTheWalArchiveGiveAReplicaAFailoverAndARestoreWithNothingLost() throws Exception {
        Path archive = Files.createDirectories(workDirectory.resolve("wal-archive"));
        Path primaryData = workDirectory.resolve("primary");
        try {
            // 1. the primary, durable and archiving every finished WAL segment
            EmbeddedPostgres primary = startDatabase("primary", primaryData, AppProcess.freePort(), Map.of(
                    "wal_level", "replica",
                    "max_wal_senders", "5",
                    "archive_mode", "on",
                    // pg_ctl hands these options to a shell, hence the outer single quotes; never overwrite
                    // a segment already archived, as the PostgreSQL manual recommends
                    "archive_command", "'test ! -f \"" + archive + "/%f\" && cp \"%p\" \"" + archive + "/%f\"'"));

            // 2. the application on it, and residents asking questions
            AppProcess app = startApp("app-primary", primary.getPort());
            ask(app, 20);

            // 3. an online base backup; while it is under way more questions arrive and a checkpoint
            //    happens, as on a busy day with a large database
            Path baseBackup = workDirectory.resolve("base-backup");
            BaseBackup backup = takeBaseBackup(primary, primaryData, baseBackup, () -> {
                ask(app, 5);
                sql(primary, "CHECKPOINT");
            });
            ask(app, 10);
            Path replicaData = copyTree(baseBackup, workDirectory.resolve("replica"));
            Path restoreData = copyTree(baseBackup, workDirectory.resolve("restore"));

            // 4. a streaming replica made from the backup
            configureStandby(replicaData, primary.getPort(), archive);
            long replicaStarted = System.nanoTime();
            EmbeddedPostgres replica = startDatabase("replica", replicaData, AppProcess.freePort(), Map.of());
            assertThat(inRecovery(replica)).as("the replica runs as a standby").isTrue();
            awaitAllAcknowledgedOn(replica);
            Duration catchUp = since(replicaStarted);
            int caughtUpWith = acknowledged.size();
            assertThat(queryString(primary, "SELECT state FROM pg_stat_replication WHERE application_name = 'drill_replica'"))
                    .as("the replica streams from the primary").isEqualTo("streaming");
            // these are in no archived segment yet: only streaming can bring them
            ask(app, 5);
            long streamedAt = System.nanoTime();
            awaitAllAcknowledgedOn(replica);
            Duration streamingDelay = since(streamedAt);

            // the last WAL segment into the archive, then the primary is lost
            String lastSegment = switchWalAndAwaitArchived(primary, archive);
            Map<String, String> acknowledgedByPrimary = new LinkedHashMap<>(acknowledged);
            crash(primary, primaryData);

            // 5. failover: promote the replica, point a node at it
            long promoting = System.nanoTime();
            assertThat(queryString(replica, "SELECT pg_promote(true, 60)")).isEqualTo("t");
            assertThat(inRecovery(replica)).as("promoted").isFalse();
            Duration promotion = since(promoting);
            stopApp(app); // a node is re-pointed by restarting it with the new URL
            AppProcess afterFailover = startApp("app-after-failover", replica.getPort());
            HttpResponse<String> health = get(afterFailover, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            ask(afterFailover, 1); // writable: a new question gets its code after the failover
            assertThat(storedQuestions(replica)).as("every acknowledged question on the new primary")
                    .containsExactlyInAnyOrderEntriesOf(acknowledged);

            // 6. restore of the same base backup from the WAL archive alone, to its end
            configureArchiveRecovery(restoreData, archive);
            long restoring = System.nanoTime();
            EmbeddedPostgres restored = startDatabase("restore", restoreData, AppProcess.freePort(), Map.of());
            Awaitility.await("archive recovery finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> !inRecovery(restored));
            Duration archiveRecovery = since(restoring);
            assertThat(storedQuestions(restored)).as("every question the primary acknowledged, restored from the archive")
                    .containsExactlyInAnyOrderEntriesOf(acknowledgedByPrimary);

            // 7. the figures an operator plans with
            log.info("Drill: base backup {} MiB in {} ms (copy {} ms); replica caught up with {} questions in {} ms, "
                    + "streamed new ones in {} ms; primary's last archived segment {}; promotion {} ms; "
                    + "archive recovery of {} questions {} ms; {} files in the WAL archive",
                    backup.bytes() / (1024 * 1024), backup.took().toMillis(), backup.copying().toMillis(),
                    caughtUpWith, catchUp.toMillis(), streamingDelay.toMillis(), lastSegment,
                    promotion.toMillis(), acknowledgedByPrimary.size(), archiveRecovery.toMillis(),
                    countFiles(archive));
        } finally {
            for (AppProcess app : List.copyOf(runningApps)) {
                stopApp(app);
            }
            for (int i = runningDatabases.size() - 1; i >= 0; i--) {
                runningDatabases.get(i).close();
            }
            for (String name : List.of("primary", "replica", "restore")) {
                stopLeftoverPostmaster(workDirectory.resolve(name));
            }
            keepLogs();
        }
    }

    // --- the base backup ------------------------------------------------------------------------

    private record BaseBackup(long bytes, Duration took, Duration copying) {
    }

    private interface Activity {
        void run() throws Exception;
    }

    /**
     * pg_backup_start, a copy of the data directory, pg_backup_stop, all on one session (the backup is
     * bound to it). The control file is copied last, as pg_basebackup does: it may then name a checkpoint
     * made during the copy, later than where replay must begin, and only the {@code backup_label} written
     * here tells the restored server to replay from the backup's start. Without it the copy starts from
     * that later checkpoint: it misses what was written during the copy, or (as this drill shows when the
     * label is left out) does not start at all.
     */
    private BaseBackup takeBaseBackup(EmbeddedPostgres primary, Path dataDirectory, Path target, Activity duringCopy)
            throws Exception {
        long started = System.nanoTime();
        try (Connection session = primary.getPostgresDatabase().getConnection(); Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_backup_start('drill', true)"); // true: checkpoint now, not when due
            long copyStarted = System.nanoTime();
            Path controlFile = Path.of("global", "pg_control");
            long bytes = copyDataDirectory(dataDirectory, target, relative -> !relative.equals(controlFile));
            Duration copying = since(copyStarted);
            duringCopy.run();
            Files.copy(dataDirectory.resolve(controlFile), target.resolve(controlFile));
            bytes += Files.size(target.resolve(controlFile));
            // true: wait until the WAL this backup needs is in the archive
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                assertThat(stop.next()).isTrue();
                Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
                String tablespaceMap = stop.getString("spcmapfile");
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
                }
            }
            return new BaseBackup(bytes, since(started), copying);
        }
    }

    private interface Selection {
        boolean includes(Path relative);
    }

    /**
     * A file copy of a running server's data directory: files may change or vanish meanwhile, which WAL
     * replay from the backup's start repairs. Runtime files and the contents of the folders in
     * {@link #EMPTIED_FOLDERS} are left out; the folders themselves are kept.
     */
    private static long copyDataDirectory(Path source, Path target, Selection selection) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path copy = Files.createDirectories(target.resolve(source.relativize(directory)));
                // PostgreSQL refuses a data directory others may read: keep initdb's 0700
                Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(directory));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(file);
                String name = file.getFileName().toString();
                boolean inEmptiedFolder = relative.getNameCount() > 1 && EMPTIED_FOLDERS.contains(relative.getName(0).toString());
                if (inEmptiedFolder || SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")
                        || !selection.includes(relative)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
                    bytes[0] += Files.size(target.resolve(relative));
                } catch (NoSuchFileException vanished) {
                    // dropped while we copied (a temporary table, an old file): replay knows it is gone
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        return bytes[0];
    }

    /** A plain copy of a finished backup, so that the replica and the restore each start from it untouched. */
    private static Path copyTree(Path source, Path target) throws IOException {
        copyDataDirectory(source, target, relative -> true);
        return target;
    }

    // --- recovery settings ----------------------------------------------------------------------

    /** What {@code pg_basebackup -R} writes: standby.signal and where to stream from. */
    private static void configureStandby(Path dataDirectory, int primaryPort, Path archive) throws IOException {
        Files.createFile(dataDirectory.resolve("standby.signal"));
        appendSettings(dataDirectory,
                "primary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres application_name=drill_replica'",
                // for what is no longer in the primary's pg_wal: the archive
                "restore_command = 'cp \"" + archive + "/%f\" \"%p\"'");
    }

    /** Archive recovery: replay every archived segment, then end recovery and become writable. */
    private static void configureArchiveRecovery(Path dataDirectory, Path archive) throws IOException {
        Files.createFile(dataDirectory.resolve("recovery.signal"));
        appendSettings(dataDirectory,
                "restore_command = 'cp \"" + archive + "/%f\" \"%p\"'",
                "recovery_target_timeline = 'latest'");
    }

    private static void appendSettings(Path dataDirectory, String... lines) throws IOException {
        Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), String.join("\n", lines) + "\n",
                StandardOpenOption.APPEND);
    }

    /**
     * Closes the current WAL segment and waits until the archiver has copied it, so that the archive
     * holds every commit the primary acknowledged. Returns the segment's name.
     */
    private static String switchWalAndAwaitArchived(EmbeddedPostgres primary, Path archive) {
        String segment = queryString(primary, "SELECT pg_walfile_name(pg_switch_wal())");
        Awaitility.await("segment " + segment + " archived").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String last = queryString(primary, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver");
                    return last.compareTo(segment) >= 0 && Files.exists(archive.resolve(segment));
                });
        return segment;
    }

    // --- processes ------------------------------------------------------------------------------

    private EmbeddedPostgres startDatabase(String name, Path dataDirectory, int port, Map<String, String> settings)
            throws IOException {
        Path logFile = workDirectory.resolve(name + "-postgres.log");
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(port)
                .setOutputRedirector(serverLog).setErrorRedirector(serverLog)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's defaults are for throw-away databases; these are not (DESIGN.md §7, trap 2)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres database;
        try {
            database = builder.start();
        } catch (IOException | RuntimeException notStarted) {
            List<String> lines = Files.readAllLines(logFile);
            throw new AssertionError("The " + name + " PostgreSQL did not start; its log ends with:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())), notStarted);
        }
        runningDatabases.add(database);
        return database;
    }

    /**
     * The primary is lost: an immediate shutdown, without the final WAL switch a clean stop makes when
     * archiving is on (after a clean stop the archive would be complete anyway, and the drill would not
     * show that the switch above is needed).
     */
    private void crash(EmbeddedPostgres primary, Path dataDirectory) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).start().waitFor(); // SIGQUIT = pg_ctl stop -m immediate
        postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        runningDatabases.remove(primary); // nothing left to stop (pg_ctl stop would fail on it)
    }

    private AppProcess startApp(String name, int databasePort) throws Exception {
        AppProcess app = new AppProcess(workDirectory.resolve(name));
        runningApps.add(app);
        app.startAndAwaitHealthy(APP_START_LIMIT,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres");
        return app;
    }

    private void stopApp(AppProcess app) {
        if (runningApps.remove(app)) {
            try {
                app.stop();
            } catch (Exception | AssertionError e) {
                log.warn("Could not stop the application cleanly", e);
            }
        }
    }

    /**
     * A server whose start timed out has no EmbeddedPostgres to close it, but may be running: stop the
     * postmaster named in its own data directory's postmaster.pid (SIGINT: fast shutdown).
     */
    private static void stopLeftoverPostmaster(Path dataDirectory) throws Exception {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        if (ProcessHandle.of(pid).map(p -> p.isAlive() && p.info().command().orElse("").endsWith("/postgres")).orElse(false)) {
            log.warn("Stopping the PostgreSQL left running on {}", dataDirectory);
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start().waitFor();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
        }
    }

    private void keepLogs() throws IOException {
        try (var files = Files.list(workDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(file, Path.of("target", "BackupRestoreDrillTest-" + file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // --- residents and their questions ----------------------------------------------------------

    /** Asks {@code count} questions through the public API, each from its own client and address. */
    private void ask(AppProcess app, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            int n = ++sent;
            String email = "drill-" + n + "@example.org";
            HttpResponse<String> answer = Residents.askThroughApi(http, app.port(), email, Residents.clientAddress("10.66", n),
                    "Quali documenti servono per l'iscrizione anagrafica?");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            acknowledged.put(email, Residents.createdCode(answer).orElseThrow());
        }
    }

    private void awaitAllAcknowledgedOn(EmbeddedPostgres replica) {
        Awaitility.await("every acknowledged question on the replica").atMost(REPLICATION_LIMIT)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> storedQuestions(replica).entrySet().containsAll(acknowledged.entrySet()));
    }

    /** e-mail → code of the drill's questions in a database; fails if one is stored twice. */
    private static Map<String, String> storedQuestions(EmbeddedPostgres database) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection db = database.getPostgresDatabase().getConnection(); ResultSet rows = db.createStatement()
                .executeQuery("SELECT email, code FROM question WHERE email LIKE 'drill-%'")) {
            while (rows.next()) {
                assertThat(stored.put(rows.getString(1), rows.getString(2))).as("stored once: " + rows.getString(1)).isNull();
            }
        }
        return stored;
    }

    // --- small SQL and HTTP helpers -------------------------------------------------------------

    private static boolean inRecovery(EmbeddedPostgres database) {
        return "t".equals(queryString(database, "SELECT pg_is_in_recovery()"));
    }

    /** The first column of the first row, as text (booleans as t/f); null when there is no row. */
    private static String queryString(EmbeddedPostgres database, String query) {
        try (Connection db = database.getPostgresDatabase().getConnection();
                ResultSet row = db.createStatement().executeQuery(query)) {
            if (!row.next()) {
                return null;
            }
            Object value = row.getObject(1);
            return value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static void sql(EmbeddedPostgres database, String command) throws SQLException {
        try (Connection db = database.getPostgresDatabase().getConnection()) {
            db.createStatement().execute(command);
        }
    }

    private HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long countFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
