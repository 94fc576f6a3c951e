package it.comune.immigrati.questions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.SmtpSender;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail channel end to end: residents write to the desk address over SMTP, the application reads
 * the mailbox over IMAP, answers go back over SMTP and are read over IMAP.
 */
@AciTest
class MailChannelTest {

    private static final String DESK = "quesiti@aci.local";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    private String send(String from, String subject, String text) {
        return SmtpSender.send(mailServer.smtpPort(), from, DESK, subject, text, m -> { });
    }

    /** The application polls the desk mailbox every 300 ms in tests. */
    private <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(value::get, done::test);
    }

    private String inboundStatus(String messageId) {
        return await(() -> jdbc.sql("SELECT status FROM mail_inbound WHERE message_key = :k").param("k", messageId)
                .query(String.class).optional().orElse("NONE"), s -> !s.equals("NONE") && !s.equals("NEW"));
    }

    private List<String> questionsFrom(String email) {
        return jdbc.sql("SELECT code FROM question WHERE email = :e ORDER BY id").param("e", email).query(String.class).list();
    }

    @Test
    void anEmailBecomesAQuestionInItsLanguageAndIsAcknowledgedThenRepliesJoinIt() throws Exception {
        String omar = "omar" + System.nanoTime() + "@example.org";
        String original = send(omar, "Ricongiungimento", "مرحبا، أريد أن أحضر زوجتي وأطفالي إلى إيطاليا. ما هي الوثائق المطلوبة؟");
        assertThat(inboundStatus(original)).isEqualTo("PROCESSED");
        List<String> codes = questionsFrom(omar);
        assertThat(codes).hasSize(1);
        String code = codes.get(0);
        var stored = jdbc.sql("SELECT language, channel, topic, status FROM question WHERE code = :c").param("c", code)
                .query().singleRow();
        assertThat(stored).containsEntry("language", "ar").containsEntry("channel", "EMAIL").containsEntry("topic", "altro")
                .containsEntry("status", "NEW");

        ImapMailbox.Mail ack = new ImapMailbox(mailServer.imapPort(), omar).await(m -> m.subject().contains(code),
                Duration.ofSeconds(20));
        assertThat(ack.text()).contains("/quesiti/stato/", "[" + code + "/");

        // a reply to the acknowledgement, as a mail client sends it
        String reply = SmtpSender.send(mailServer.smtpPort(), omar, DESK, "Re: " + ack.subject(),
                "لدي أيضا عقد الإيجار.\n\n> النص المقتبس", m -> header(m, "In-Reply-To", ack.messageId()));
        assertThat(inboundStatus(reply)).isEqualTo("PROCESSED");
        assertThat(questionsFrom(omar)).containsExactly(code);
        assertThat(thread(code)).containsExactly("Ricongiungimento\n\nمرحبا، أريد أن أحضر زوجتي وأطفالي إلى إيطاليا. ما هي الوثائق المطلوبة؟",
                "لدي أيضا عقد الإيجار.");

        // an operator answers; the resident answers the answer from the mail client; the thread goes on
        TestStaff.Account mediator = TestStaff.create(jdbc, passwords, "MEDIATOR");
        TestStaff.speaks(jdbc, mediator, "ar", "it"); // a mediator sees the questions in the languages they speak
        WebClient office = new WebClient(port);
        TestStaff.login(office, mediator);
        office.submitMultipart("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/risposta",
                Map.of("text", "يرجى إحضار جواز السفر وشهادة الزواج."), List.of());
        ImapMailbox.Mail answer = new ImapMailbox(mailServer.imapPort(), omar)
                .await(m -> m.text() != null && m.text().contains("جواز السفر"), Duration.ofSeconds(20));
        String secondReply = SmtpSender.send(mailServer.smtpPort(), omar, DESK, "Re: " + answer.subject(), "شكرا جزيلا",
                m -> header(m, "References", ack.messageId() + " " + answer.messageId()));
        assertThat(inboundStatus(secondReply)).isEqualTo("PROCESSED");
        assertThat(thread(code)).hasSize(3).last().isEqualTo("شكرا جزيلا");
        assertThat(jdbc.sql("SELECT status FROM question WHERE code = :c").param("c", code).query(String.class).single())
                .as("reopened by the reply").isEqualTo("OPEN");
    }

    @Test
    void theCodeInTheSubjectJoinsTheQuestionOnlyForItsRequester() throws Exception {
        String lena = "lena" + System.nanoTime() + "@example.org";
        String first = send(lena, "Питання про посвідку", "Добрий день, коли я можу подати документи на посвідку?");
        inboundStatus(first);
        String code = questionsFrom(lena).get(0);

        String sameSender = send(lena, "Ancora su " + code, "Ho trovato il passaporto.");
        assertThat(inboundStatus(sameSender)).isEqualTo("PROCESSED");
        assertThat(questionsFrom(lena)).containsExactly(code);

        String stranger = "altro" + System.nanoTime() + "@example.org";
        String other = send(stranger, "Re: " + code, "Voglio vedere questa domanda.");
        assertThat(inboundStatus(other)).isEqualTo("PROCESSED");
        assertThat(thread(code)).hasSize(2);
        assertThat(questionsFrom(stranger)).hasSize(1).doesNotContain(code);
        String strangers = questionsFrom(stranger).get(0);
        assertThat(notes(strangers)).as("a note links the two for an operator to merge")
                .anySatisfy(note -> assertThat(note).contains(code, "unisci"));

        // a forged Reply-To with the requester's address does not make the stranger the requester
        String forger = "falso" + System.nanoTime() + "@example.org";
        String forged = SmtpSender.send(mailServer.smtpPort(), forger, DESK, "Re: " + code, "Mandatemi i documenti di Lena.",
                m -> header(m, "Reply-To", lena));
        assertThat(inboundStatus(forged)).isEqualTo("PROCESSED");
        assertThat(thread(code)).as("the forged message did not join").hasSize(2)
                .noneMatch(body -> body.contains("documenti di Lena"));
    }

    /**
     * Twenty-two people write within the hour: all become questions (the allowance counts per sender);
     * one sender who writes six new questions has the sixth held back in the quarantine, from where it
     * is processed once staff ask.
     */
    @Test
    void theHourlyAllowanceCountsPerSenderAndWhatIsOverItWaitsInTheQuarantine() throws Exception {
        String run = "folla" + System.nanoTime();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            ids.add(send(run + "-" + i + "@example.org", "Domanda " + i, "Come si rinnova la carta d'identità? Numero " + i));
        }
        for (String id : ids) {
            assertThat(inboundStatus(id)).as(id).isEqualTo("PROCESSED");
        }
        String eager = run + "-solo@example.org";
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(send(eager, "Nuova domanda " + i, "Vorrei sapere anche questa cosa, la numero " + i + "."));
        }
        List<String> statuses = mine.stream().map(this::inboundStatus).toList();
        assertThat(statuses).filteredOn("PROCESSED"::equals).hasSize(5);
        assertThat(statuses).filteredOn("QUARANTINED"::equals).hasSize(1);
        assertThat(jdbc.sql("SELECT outcome FROM mail_inbound WHERE status = 'QUARANTINED' AND sender = :s")
                .param("s", eager).query(String.class).single()).contains("held back");
    }

    @Test
    void theMarkerInTheBodyJoinsTheQuestionEvenWithoutHeaders() throws Exception {
        String sara = "sara" + System.nanoTime() + "@example.org";
        inboundStatus(send(sara, "Iscrizione scuola", "Come iscrivo mia figlia alla scuola media?"));
        String code = questionsFrom(sara).get(0);
        ImapMailbox.Mail ack = new ImapMailbox(mailServer.imapPort(), sara).await(m -> m.subject().contains(code),
                Duration.ofSeconds(20));
        String marker = ack.text().substring(ack.text().indexOf("[" + code));
        marker = marker.substring(0, marker.indexOf(']') + 1);
        String forwarded = send("sara.lavoro" + System.nanoTime() + "@example.org", "Fwd", "Scrivo dall'altro indirizzo.\n" + marker);
        assertThat(inboundStatus(forwarded)).isEqualTo("PROCESSED");
        assertThat(thread(code)).hasSize(2);

        String forged = send("falso" + System.nanoTime() + "@example.org", "x", "[" + code + "/AAAAAAAA] voglio entrare");
        inboundStatus(forged);
        assertThat(thread(code)).as("a marker with the wrong key joins nothing").hasSize(2);
    }

    @Test
    void autoRepliesAndBouncesAreNeverAnswered() throws Exception {
        String away = "ferie" + System.nanoTime() + "@example.org";
        String autoReply = SmtpSender.send(mailServer.smtpPort(), away, DESK, "Fuori ufficio", "Sono in ferie fino al 7 gennaio.",
                m -> header(m, "Auto-Submitted", "auto-replied"));
        assertThat(inboundStatus(autoReply)).isEqualTo("IGNORED");
        String bounce = SmtpSender.send(mailServer.smtpPort(), "MAILER-DAEMON@example.org", DESK,
                "Undelivered Mail Returned to Sender", "Delivery to the following recipient failed permanently.", m -> { });
        assertThat(inboundStatus(bounce)).isEqualTo("IGNORED");
        String vacation = SmtpSender.send(mailServer.smtpPort(), away, DESK, "Risposta automatica", "Assente",
                m -> header(m, "X-Auto-Response-Suppress", "All"));
        assertThat(inboundStatus(vacation)).isEqualTo("IGNORED");
        assertThat(questionsFrom(away)).isEmpty();
        assertThat(new ImapMailbox(mailServer.imapPort(), away).read()).isEmpty();
    }

    @Test
    void eachMessageIsTakenOnceEvenWhenDeliveredTwiceOrFetchedAgainAfterACrash() throws Exception {
        String twice = "due" + System.nanoTime() + "@example.org";
        String fixedId = "<fisso-" + System.nanoTime() + "@example.org>";
        SmtpSender.send(mailServer.smtpPort(), twice, DESK, "Doppia", "Questa e-mail arriva due volte.",
                m -> header(m, "Message-ID", fixedId));
        SmtpSender.send(mailServer.smtpPort(), twice, DESK, "Doppia", "Questa e-mail arriva due volte.",
                m -> header(m, "Message-ID", fixedId));
        assertThat(inboundStatus(fixedId)).isEqualTo("PROCESSED");
        String later = send(twice, "Dopo", "Un messaggio successivo per essere sicuri che il primo sia stato letto due volte.");
        inboundStatus(later);
        // as if the node crashed before saving its high-water mark: every UID is fetched again
        jdbc.sql("UPDATE mail_inbox_state SET last_uid = 0").update();
        String marker = send(twice, "Ultimo", "Ultimo messaggio dopo il nuovo giro completo.");
        inboundStatus(marker);
        assertThat(questionsFrom(twice)).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE message_key = :k").param("k", fixedId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unreadableMailIsQuarantinedForStaffToInspect() throws Exception {
        String broken = SmtpSender.send(mailServer.smtpPort(), "x@example.org", DESK, "Senza mittente", "testo",
                m -> {
                    try {
                        m.removeHeader("From");
                        m.setHeader("Reply-To", "");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(inboundStatus(broken)).isEqualTo("QUARANTINED");
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, supervisor);
        String page = office.get("/ufficio/posta-in-arrivo").body();
        assertThat(page).contains("Senza mittente", "In quarantena", "no sender address");
    }

    /**
     * A message nested far deeper than any mail program nests is quarantined, and the mail after it is
     * read as usual. 300 levels here: the embedded GreenMail never answers DATA for 15,000 (its own
     * parser); that depth is for the tier on a real server.
     */
    @Test
    void aMessageNestedHundredsOfLevelsDeepIsQuarantinedAndTheMailboxGoesOn() {
        String id = "<nidificato" + System.nanoTime() + "@example.org>";
        StringBuilder raw = new StringBuilder("From: nido@example.org\r\nTo: " + DESK + "\r\nSubject: Nido\r\nMessage-ID: " + id
                + "\r\nMIME-Version: 1.0\r\n");
        int levels = 300;
        for (int i = 0; i < levels; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nciao\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        SmtpSender.sendRaw(mailServer.smtpPort(), "nido@example.org", DESK, raw.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(inboundStatus(id)).isEqualTo("QUARANTINED");
        String after = send("dopo" + System.nanoTime() + "@example.org", "Dopo il nido", "Una domanda normale sulla residenza.");
        assertThat(inboundStatus(after)).isEqualTo("PROCESSED");
    }

    /**
     * Files are decoded to temporary files and streamed to the database: byte for byte what was sent,
     * the one past the size limit left out (it is cut while decoding, not read whole), and no temporary
     * file left behind once the message is handled.
     */
    @Test
    void attachedFilesAreStoredByteForByteTheOversizeOneLeftOutAndNoTemporaryFileRemains() throws Exception {
        java.util.Random random = new java.util.Random(11);
        byte[] permit = pdf(random, 3 * 1024 * 1024);
        byte[] tooBig = pdf(random, 10 * 1024 * 1024 + 1);
        byte[] photo = new byte[40_000];
        random.nextBytes(photo);
        System.arraycopy(new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}, 0, photo, 0, 8);
        String ana = "ana" + System.nanoTime() + "@example.org";
        String id = SmtpSender.send(mailServer.smtpPort(), ana, DESK, "Documente pentru reînnoire", "Bună ziua, vă trimit documentele.",
                m -> {
                    try {
                        var parts = new jakarta.mail.internet.MimeMultipart();
                        var text = new jakarta.mail.internet.MimeBodyPart();
                        text.setText("Bună ziua, vă trimit documentele pentru reînnoirea permisului.", "UTF-8");
                        parts.addBodyPart(text);
                        parts.addBodyPart(file("permesso.pdf", "application/pdf", permit));
                        parts.addBodyPart(file("troppo.pdf", "application/pdf", tooBig));
                        parts.addBodyPart(file("foto.png", "image/png", photo));
                        m.setContent(parts);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(inboundStatus(id)).isEqualTo("PROCESSED");
        String code = questionsFrom(ana).get(0);
        var stored = jdbc.sql("""
                SELECT a.file_name, a.size_bytes, a.sha256, a.content FROM question_attachment a
                JOIN question_message m ON m.id = a.message_id JOIN question q ON q.id = m.question_id
                WHERE q.code = :c ORDER BY a.id""").param("c", code).query().listOfRows();
        assertThat(stored).extracting(r -> r.get("file_name")).containsExactly("permesso.pdf", "foto.png");
        assertThat((byte[]) stored.get(0).get("content")).isEqualTo(permit);
        assertThat((byte[]) stored.get(0).get("sha256")).isEqualTo(it.comune.immigrati.platform.Secrets.sha256(permit));
        assertThat(((Number) stored.get(0).get("size_bytes")).longValue()).isEqualTo(permit.length);
        assertThat((byte[]) stored.get(1).get("content")).isEqualTo(photo);
        assertThat(temporaryFiles()).as("spooled message and files deleted").isEmpty();
    }

    private static byte[] pdf(java.util.Random random, int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        return content;
    }

    private static jakarta.mail.internet.MimeBodyPart file(String name, String type, byte[] content) throws jakarta.mail.MessagingException {
        var part = new jakarta.mail.internet.MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        return part;
    }

    private static List<String> temporaryFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("aci-mail-") && n.endsWith(".eml") || n.startsWith("aci-attachment-")).toList();
        }
    }

    private List<String> notes(String code) {
        return jdbc.sql("""
                SELECT m.body FROM question_message m JOIN question q ON q.id = m.question_id
                WHERE q.code = :c AND m.kind = 'NOTE' ORDER BY m.id""").param("c", code).query(String.class).list();
    }

    private List<String> thread(String code) {
        return jdbc.sql("""
                SELECT m.body FROM question_message m JOIN question q ON q.id = m.question_id
                WHERE q.code = :c AND m.kind = 'CITIZEN' ORDER BY m.id""").param("c", code).query(String.class).list();
    }

    private static void header(jakarta.mail.internet.MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
