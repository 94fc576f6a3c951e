package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The disk that holds the attachments fills up: a question with a file is refused with a 503 and the
 * form again, the resident's text kept and a clear message; nothing of it is stored (no question, no
 * message, no e-mail queued). Questions without files still go in, and once space is freed the same
 * question with its file is accepted.
 *
 * The full disk is real: PostgreSQL keeps the attachments table in a tablespace on a 16 MB tmpfs that
 * the test fills. Mounting needs root (CAP_SYS_ADMIN), which the build machines have; elsewhere the
 * test is skipped and says why.
 */
@Slow
class DiskFullTest {

    @TempDir
    Path workDirectory;

    @Test
    void aFullDiskRefusesTheQuestionCleanlyKeepsTheTextAndStoresNothingOfIt() throws Exception {
        Path small = Files.createDirectories(workDirectory.resolve("small"));
        Path uploads = Files.createDirectories(workDirectory.resolve("uploads"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", small.toString()),
                "mounting a 16 MB tmpfs needs root with CAP_SYS_ADMIN");
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", uploads.toString())).isTrue();
        int databasePort = AppProcess.freePort();
        AppProcess app = new AppProcess(workDirectory.resolve("app"));
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(workDirectory.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(databasePort)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            app.startAndAwaitHealthy(Duration.ofSeconds(90),
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                    "--spring.datasource.username=postgres", "--spring.servlet.multipart.location=" + uploads);
            try {
                fillTheDiskAndAsk(app, database, small, uploads);
            } finally {
                app.stop();
                Files.copy(app.log(), Path.of("target", "DiskFullTest-app.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            run("umount", small.toString());
            run("umount", uploads.toString());
        }
    }

    private void fillTheDiskAndAsk(AppProcess app, EmbeddedPostgres database, Path small, Path uploads) throws Exception {
        JdbcClient db = JdbcClient.create(database.getPostgresDatabase());
            Path tablespace = Files.createDirectories(small.resolve("pg"));
            db.sql("CREATE TABLESPACE attachments LOCATION '" + tablespace + "'").update();
            db.sql("ALTER TABLE question_attachment SET TABLESPACE attachments").update();
            Path ballast = small.resolve("ballast");
            fill(ballast, Files.getFileStore(small).getUsableSpace() - 2 * 1024 * 1024);

            String text = "Ho il permesso per lavoro subordinato in scadenza: allego la ricevuta della domanda di rinnovo.";
            FilePart receipt = new FilePart("attachments", "ricevuta.pdf", "application/pdf", pdf(6 * 1024 * 1024));
            WebClient resident = new WebClient(app.port());
            HttpResponse<String> refused = Residents.ask(resident, Residents.question("disco-pieno@example.org", "it", text),
                    List.of(receipt));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Non siamo riusciti a salvare la domanda", text).doesNotContain("Exception");
            assertThat(stored(db, "disco-pieno@example.org")).as("nothing half-written").isZero();
            assertThat(db.sql("SELECT count(*) FROM question_message WHERE body = :t").param("t", text)
                    .query(Integer.class).single()).isZero();
            assertThat(db.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'disco-pieno@example.org'")
                    .query(Integer.class).single()).as("no confirmation for a question not stored").isZero();

            HttpResponse<String> withoutFile = Residents.ask(new WebClient(app.port()),
                    Residents.question("senza-allegati@example.org", "it", "Domanda senza allegati mentre il disco è pieno."),
                    List.of());
            assertThat(withoutFile.statusCode()).as("the rest of the desk works").isEqualTo(302);

            Files.delete(ballast);
            // now the disk where uploads are received is the full one
            Path uploadBallast = uploads.resolve("ballast");
            fill(uploadBallast, Files.getFileStore(uploads).getUsableSpace() - 1024 * 1024);
            HttpResponse<String> notReceived = Residents.ask(new WebClient(app.port()),
                    Residents.question("disco-pieno@example.org", "it", text), List.of(receipt));
            assertThat(notReceived.statusCode()).isEqualTo(503);
            assertThat(notReceived.body()).contains("Servizio momentaneamente non disponibile").doesNotContain("Exception");
            assertThat(stored(db, "disco-pieno@example.org")).isZero();
            Files.delete(uploadBallast);

            HttpResponse<String> accepted = Residents.ask(new WebClient(app.port()),
                    Residents.question("disco-pieno@example.org", "it", text), List.of(receipt));
            assertThat(accepted.statusCode()).isEqualTo(302);
            assertThat(stored(db, "disco-pieno@example.org")).isEqualTo(1);
            assertThat(db.sql("""
                    SELECT a.size_bytes FROM question_attachment a JOIN question_message m ON m.id = a.message_id
                    JOIN question q ON q.id = m.question_id WHERE q.email = 'disco-pieno@example.org'""")
                    .query(Integer.class).single()).isEqualTo(receipt.content().length);
    }

    private static int stored(JdbcClient db, String email) {
        return db.sql("SELECT count(*) FROM question WHERE email = :e").param("e", email).query(Integer.class).single();
    }

    /** A PDF whose body does not compress, so PostgreSQL has to write all of it. */
    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        new Random(7).nextBytes(content);
        byte[] header = "%PDF-1.4\n".getBytes();
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written + block.length <= bytes; written += block.length) {
                out.write(block);
            }
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
