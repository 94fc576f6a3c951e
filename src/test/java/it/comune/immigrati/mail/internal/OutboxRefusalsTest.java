package it.comune.immigrati.mail.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Poller;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mail server says, and what it does not say, decides what becomes of a message: a frozen server
 * costs the timeout and holds no transaction, a 5xx about the address is final at once, a 4xx waits.
 * The headers that go out are encoded for any name and say who wrote the message.
 */
@AciTest
class OutboxRefusalsTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** The application's own delivery, paused while a test plays the sender against its own server. */
    @Autowired
    @Qualifier("outboxPoller")
    Poller applicationSender;

    @BeforeEach
    void pauseTheApplicationsSender() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()")
                .query(Long.class).single() == 0);
        applicationSender.stop();
    }

    @AfterEach
    void resumeIt() {
        applicationSender.start();
    }

    private static AciProperties settings(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("aci.mail.connect-timeout", "2s", "aci.mail.timeout", "2s",
                "aci.mail.outbox.first-retry", "30s"));
        all.putAll(overrides);
        return it.comune.immigrati.testing.Settings.aci(all);
    }

    private OutboxSender senderTo(int port, AciProperties settings) {
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(port);
        return new OutboxSender(store, server, settings, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private String queue(String recipient) {
        return transactions.execute(status -> outbox.queue(MailMessage.to(recipient, Language.IT)
                .subject("mail.invite.subject", "prova").paragraph("mail.invite.body", "x", "y").about("test", recipient)));
    }

    private MailOutbox.Delivery delivery(String recipient) {
        return outbox.deliveries("test", recipient).get(0);
    }

    @Test
    void aFrozenServerCostsTheTimeoutAndHoldsNoTransactionMeanwhile() throws Exception {
        String recipient = "gelo" + System.nanoTime() + "@example.org";
        queue(recipient);
        try (ScriptedSmtpServer frozen = ScriptedSmtpServer.frozen()) {
            OutboxSender sender = senderTo(frozen.port(), settings(Map.of()));
            long start = System.nanoTime();
            CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(sender::drain);
            // watched all along while the server is silent: no transaction stays open
            Awaitility.await("no transaction open while the server is silent").during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < now() - interval '500 milliseconds'""")
                    .query(Integer.class).single() == 0);
            assertThat(drain.get(15, TimeUnit.SECONDS)).isZero();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("about the timeout, not until the server wakes up").isLessThan(Duration.ofSeconds(8));
        }
        MailOutbox.Delivery waiting = delivery(recipient);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.failure()).isNull();
        assertThat(waiting.lastError()).containsIgnoringCase("timed out");
    }

    @Test
    void anAddressTheServerSaysDoesNotExistFailsAtOnceWithTheReason() throws Exception {
        String typo = "inesistente" + System.nanoTime() + "@example.org";
        String busy = "occupato" + System.nanoTime() + "@example.org";
        String fine = "esistente" + System.nanoTime() + "@example.org";
        queue(typo);
        queue(busy);
        queue(fine);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answering(address -> address.equals(typo)
                ? "550 5.1.1 <" + typo + ">: Recipient address rejected: User unknown in virtual mailbox table"
                : address.equals(busy) ? "452 4.2.2 Mailbox full" : "250 2.1.5 OK")) {
            assertThat(senderTo(server.port(), settings(Map.of())).drain()).isEqualTo(1);
            assertThat(server.accepted()).containsExactly(fine);
        }
        MailOutbox.Delivery refused = delivery(typo);
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.failure()).isEqualTo("no-such-address");
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).contains("550 5.1.1");
        MailOutbox.Delivery full = delivery(busy);
        assertThat(full.status()).as("a full mailbox may empty: tried again").isEqualTo("PENDING");
        assertThat(full.failure()).isNull();
        MailOutbox.Delivery sent = delivery(fine);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.sentAt()).isNotNull();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    /** The confirmation of a question sent with a mistyped address: the operator reads why on the question. */
    @Test
    void theOperatorSeesOnTheQuestionThatTheAddressDoesNotExist() throws Exception {
        String typo = "mario.rosi" + System.nanoTime() + "@example.org";
        var created = it.comune.immigrati.testing.Residents.askThroughApi(java.net.http.HttpClient.newHttpClient(), port, typo,
                "10.77.0.1", "Come rinnovo il permesso di soggiorno per lavoro?");
        String code = it.comune.immigrati.testing.Residents.createdCode(created).orElseThrow();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answering(address -> "550 5.1.1 <" + address + ">: User unknown")) {
            senderTo(server.port(), settings(Map.of())).drain();
        }
        var operator = it.comune.immigrati.testing.TestStaff.create(jdbc, passwords, "OPERATOR");
        var office = new it.comune.immigrati.testing.WebClient(port);
        it.comune.immigrati.testing.TestStaff.login(office, operator);
        assertThat(office.get("/ufficio/quesiti/" + code).body())
                .contains("Non consegnata", "indirizzo non esiste", "550 5.1.1");
    }

    @Test
    void onlyA5xxAboutTheAddressSaysTheAddressIsWrong() {
        assertThat(SmtpAnswers.aboutTheAddress(550, "550 5.7.1 Relay access denied")).isFalse();
        assertThat(SmtpAnswers.aboutTheAddress(550, "550 Requested action not taken: mailbox unavailable")).isTrue();
        assertThat(SmtpAnswers.aboutTheAddress(554, "554 5.1.2 Bad destination system address")).isTrue();
    }

    @Test
    void headersAreEncodedForAnyNameAndRepliesGoToTheDesk() throws Exception {
        for (String from : new String[] { "Comune di Cantù – Ufficio Stranieri <stranieri@comune.cantu.example>",
                "Comune di Forlì <immigrati@comune.forli.example>", "مكتب المهاجرين <desk@comune.example>" }) {
            AciProperties settings = settings(Map.of("aci.mail.from", from, "aci.mail.desk-address", "sportello@comune.example"));
            OutboxSender sender = senderTo(0, settings);
            MimeMessage mime = sender.toMime(Session.getInstance(new Properties()), new OutboxStore.Claimed(
                    java.util.UUID.randomUUID(), "<x@aci.local>", "ana@example.org", "Risposta alla domanda Q-2026-000001 – تجديد",
                    "Testo", "<p>Testo</p>", null, 0, true, false));
            mime.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mime.writeTo(bytes);
            String raw = bytes.toString(StandardCharsets.ISO_8859_1);
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
            assertThat(headers.chars().allMatch(c -> c < 128)).as("7-bit headers for " + from + ":\n" + headers).isTrue();
            String fromHeader = new MimeMessage(Session.getInstance(new Properties()),
                    new java.io.ByteArrayInputStream(bytes.toByteArray())).getHeader("From", null);
            InternetAddress[] parsed = InternetAddress.parseHeader(fromHeader, true);
            assertThat(parsed).hasSize(1);
            assertThat(parsed[0].getPersonal()).isEqualTo(new InternetAddress(from).getPersonal());
            assertThat(MimeUtility.decodeText(mime.getHeader("Subject", null))).contains("تجديد", "–");
            assertThat(mime.getHeader("Reply-To", null)).isEqualTo("sportello@comune.example");
            assertThat(mime.getHeader("Auto-Submitted")).as("an operator wrote it").isNull();
        }
        MimeMessage automatic = senderTo(0, settings(Map.of())).toMime(Session.getInstance(new Properties()),
                new OutboxStore.Claimed(java.util.UUID.randomUUID(), "<y@aci.local>", "ana@example.org", "Conferma", "T", "<p>T</p>",
                        null, 0, false, false));
        assertThat(automatic.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }
}
