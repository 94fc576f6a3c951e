package it.comune.immigrati.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.RealMailServers;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.SmtpSender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk against Debian's Postfix and Dovecot, installed as a Comune would (./run-tests installs them,
 * each test starts a private pair on loopback ports): a resident's e-mail is delivered by Postfix, read
 * from Dovecot over IMAP, acknowledged through Postfix with an encoded sender name and the desk as
 * Reply-To, and the reply joins the question; Postfix refuses a mistyped address and the message fails
 * at once; a message nested 15,000 levels deep is quarantined; with Postfix frozen the desk mailbox still turns mail into questions and the acknowledgements
 * leave once Postfix wakes up; after Dovecot restarts, mail is read again; processed mail is moved to
 * the Processed folder; a rebuilt index (new UIDVALIDITY) brings nothing back as new mail.
 */
@Slow
class RealMailServersTest {

    private static final Logger log = LoggerFactory.getLogger(RealMailServersTest.class);
    private static final String DESK = "quesiti@aci.test";

    @TempDir
    Path folder;

    @Test
    void theDeskWorksAndSurvivesWithPostfixAndDovecot() throws Exception {
        Assumptions.assumeTrue(RealMailServers.available(), "postfix and dovecot-imapd are installed by ./run-tests");
        try (RealMailServers servers = RealMailServers.start()) {
            AppProcess app = new AppProcess(folder.resolve("node"));
            app.startAndAwaitHealthy(Duration.ofSeconds(120), "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + servers.smtpPort(), "--aci.mail.imap.host=127.0.0.1",
                    "--aci.mail.imap.port=" + servers.imapPort(), "--aci.mail.imap.username=" + DESK,
                    "--aci.mail.imap.password=" + DESK, "--aci.mail.desk-address=" + DESK,
                    "--aci.mail.from=Comune di Cantù – Ufficio Stranieri <noreply@aci.test>",
                    "--aci.mail.imap.poll-interval=1s", "--aci.mail.outbox.poll-interval=500ms",
                    "--aci.mail.connect-timeout=3s", "--aci.mail.timeout=3s",
                    "--aci.mail.outbox.first-retry=1s", "--aci.mail.outbox.max-retry=2s");
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres",
                    "postgres", "")) {
                // 1. intake from Dovecot, acknowledgement through Postfix
                String ana = "ana" + System.nanoTime() + "@example.org";
                SmtpSender.send(servers.smtpPort(), ana, DESK, "Rinnovo del permesso", "Buongiorno, quando devo rinnovare il permesso?", m -> { });
                ImapMailbox anaBox = new ImapMailbox(servers.imapPort(), ana);
                ImapMailbox.Mail ack = anaBox.await(m -> m.subject() != null && m.subject().contains("Q-"), Duration.ofSeconds(60));
                assertThat(jakarta.mail.internet.MimeUtility.decodeText(ack.from())).as("encoded per RFC 2047, decoded by the client")
                        .contains("Cantù – Ufficio Stranieri");
                assertThat(ack.replyTo()).isEqualTo(DESK);
                String code = ack.subject().replaceAll(".*(Q-\\d{4}-\\d{6}).*", "$1");

                // 2. the resident's reply, through Postfix, joins the question
                SmtpSender.send(servers.smtpPort(), ana, ack.replyTo(), "Re: " + ack.subject(), "Grazie, ho anche il passaporto nuovo.",
                        m -> {
                            try {
                                m.setHeader("In-Reply-To", ack.messageId());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                Awaitility.await("the reply joins " + code).atMost(Duration.ofSeconds(60)).until(() -> count(db, """
                        SELECT count(*) FROM question_message m JOIN question q ON q.id = m.question_id
                        WHERE q.code = ? AND m.kind = 'CITIZEN'""", code) == 2);

                // 3. Postfix refuses a mistyped address: failed at once, with the reason
                String typo = "inesistente" + System.nanoTime() + "@example.org";
                SmtpSender.send(servers.smtpPort(), typo, DESK, "Domanda", "Come iscrivo mio figlio a scuola?", m -> { });
                Awaitility.await("the acknowledgement to " + typo + " fails for good").atMost(Duration.ofSeconds(60))
                        .until(() -> count(db, "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status = 'FAILED' "
                                + "AND failure = 'no-such-address' AND attempts = 1 AND last_error LIKE '%5.1.1%'", typo) == 1);

                // 4. Postfix frozen: mail still becomes questions, acknowledgements wait, then leave
                String lena = "lena" + System.nanoTime() + "@example.org";
                servers.freezePostfix();
                long frozenAt = System.nanoTime();
                deliverStraightToTheDeskMaildir(servers, lena, "Питання про посвідку", "Добрий день, коли я можу подати документи?");
                Awaitility.await("the mailbox is read while SMTP is frozen").atMost(Duration.ofSeconds(60))
                        .until(() -> count(db, "SELECT count(*) FROM question WHERE email = ?", lena) == 1);
                Awaitility.await("the frozen server is seen").atMost(Duration.ofSeconds(60)).until(() -> count(db,
                        "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status = 'PENDING' AND last_error IS NOT NULL", lena) == 1);
                Duration detected = Duration.ofNanos(System.nanoTime() - frozenAt);
                servers.thawPostfix();
                long thawedAt = System.nanoTime();
                new ImapMailbox(servers.imapPort(), lena).await(m -> m.subject() != null && m.subject().contains("Q-"), Duration.ofSeconds(60));
                Duration recovered = Duration.ofNanos(System.nanoTime() - thawedAt);
                log.info("Postfix frozen: the first failed attempt was recorded {} ms after the freeze; the acknowledgement "
                        + "was in the resident's mailbox {} ms after the thaw", detected.toMillis(), recovered.toMillis());

                // 5. Dovecot restarts: the next message is read all the same
                servers.restartDovecot();
                String omar = "omar" + System.nanoTime() + "@example.org";
                SmtpSender.send(servers.smtpPort(), omar, DESK, "Ricongiungimento", "مرحبا، أريد أن أحضر زوجتي إلى إيطاليا.", m -> { });
                Awaitility.await("read after Dovecot restarted").atMost(Duration.ofSeconds(60))
                        .until(() -> count(db, "SELECT count(*) FROM question WHERE email = ?", omar) == 1);
                assertThat(count(db, "SELECT count(*) FROM mail_outbox WHERE status = 'SENT' AND recipient IN (?, ?)", ana, lena))
                        .as("each acknowledgement once").isEqualTo(2);

                // 6. processed mail has left the inbox for the Processed folder
                Path desk = servers.maildir(DESK);
                Awaitility.await("all five moved to Processed, none left in the inbox").atMost(Duration.ofSeconds(30))
                        .until(() -> files(desk.resolve(".Processed")) == 5 && files(desk) == 0);

                // 7. the server rebuilds its index (a new UIDVALIDITY): nothing comes back as new mail
                int questions = count(db, "SELECT count(*) FROM question");
                int outgoing = count(db, "SELECT count(*) FROM mail_outbox");
                int validity = count(db, "SELECT uid_validity::int FROM mail_inbox_state WHERE mailbox = ?", DESK + "/INBOX");
                Thread.sleep(1100); // UIDVALIDITY is a time in seconds: a rebuild within the same second could keep it
                servers.rebuildIndex(DESK);
                Awaitility.await("the new UIDVALIDITY is seen").atMost(Duration.ofSeconds(30)).until(() -> count(db,
                        "SELECT uid_validity::int FROM mail_inbox_state WHERE mailbox = ?", DESK + "/INBOX") != validity);
                Awaitility.await("no question and no acknowledgement again, over several polls at 1 s")
                        .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                        .until(() -> count(db, "SELECT count(*) FROM question") == questions
                                && count(db, "SELECT count(*) FROM mail_outbox") == outgoing);

                // 8. a message nested 15,000 levels deep, served by Dovecot: quarantined, and the mailbox goes on
                String nested = "<nido" + System.nanoTime() + "@example.org>";
                deliverRawToTheDeskMaildir(servers, nestedMessage(nested, 15_000));
                Awaitility.await("the nested message quarantined").atMost(Duration.ofSeconds(60)).until(() -> count(db,
                        "SELECT count(*) FROM mail_inbound WHERE message_key = ? AND status = 'QUARANTINED' AND outcome LIKE '%nested deeper%'", nested) == 1);
                String after = "dopo" + System.nanoTime() + "@example.org";
                SmtpSender.send(servers.smtpPort(), after, DESK, "Residenza", "Come chiedo la residenza?", m -> { });
                Awaitility.await("the next message read as usual").atMost(Duration.ofSeconds(60))
                        .until(() -> count(db, "SELECT count(*) FROM question WHERE email = ?", after) == 1);
            } finally {
                app.stop();
            }
        }
    }

    /** What Postfix's delivery does, done by hand while Postfix is frozen: a file in the desk's Maildir. */
    private static void deliverStraightToTheDeskMaildir(RealMailServers servers, String from, String subject, String text)
            throws Exception {
        Path maildir = servers.maildir(DESK);
        String message = "From: " + from + "\r\nTo: " + DESK + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: <" + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n";
        Path tmp = maildir.resolve("tmp").resolve(System.nanoTime() + ".test");
        Files.write(tmp, message.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, maildir.resolve("new").resolve(tmp.getFileName()));
    }

    private static void deliverRawToTheDeskMaildir(RealMailServers servers, byte[] message) throws Exception {
        Path maildir = servers.maildir(DESK);
        Path tmp = maildir.resolve("tmp").resolve(System.nanoTime() + ".test");
        Files.write(tmp, message);
        Files.move(tmp, maildir.resolve("new").resolve(tmp.getFileName()));
    }

    /** Multiparts inside multiparts, {@code levels} deep, with one line of text at the bottom. */
    private static byte[] nestedMessage(String messageId, int levels) {
        StringBuilder raw = new StringBuilder("From: nido@example.org\r\nTo: " + DESK + "\r\nSubject: Nido\r\nMessage-ID: "
                + messageId + "\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < levels; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nciao\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        return raw.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Messages in a Maildir folder, read or not. */
    private static long files(Path maildir) throws java.io.IOException {
        long n = 0;
        for (String sub : new String[] { "new", "cur" }) {
            Path dir = maildir.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (var list = Files.list(dir)) {
                    n += list.count();
                }
            }
        }
        return n;
    }

    private static int count(Connection db, String sql, Object... arguments) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
