package it.comune.immigrati.mail.internal;

import it.comune.immigrati.testing.Slow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.ImapMailbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox against the real embedded SMTP/IMAP server and PostgreSQL. */
@AciTest
@Slow
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    AciProperties properties;

    @Autowired
    OutboxStore store;

    /** The application's own delivery of the outbox, paused while a test plays the sender. */
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("outboxPoller")
    it.comune.immigrati.platform.Poller applicationSender;

    @Test
    void aQueuedMessageArrivesInTheRecipientsLanguageAsTextAndHtml() throws Exception {
        String recipient = "lettore" + System.nanoTime() + "@example.org";
        String messageId = transactions.execute(status -> outbox.queue(MailMessage.to(recipient, Language.AR)
                .subject("mail.invite.subject", "Comune di Prova").paragraph("mail.invite.body", "admin", "x")
                .action("mail.invite.action", "http://localhost/invito/abc").about("test", recipient)));

        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), recipient)
                .await(m -> messageId.equals(m.messageId()), Duration.ofSeconds(20));
        assertThat(mail.subject()).contains("Comune di Prova").doesNotContain("Invito");
        assertThat(mail.text()).contains("http://localhost/invito/abc");
        assertThat(mail.html()).contains("lang=\"ar\"", "dir=\"rtl\"", "href=\"http://localhost/invito/abc\"");
        assertThat(mail.autoSubmitted()).isEqualTo("auto-generated");
        assertThat(outbox.deliveries("test", recipient)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo("SENT"));
    }

    @Test
    void queueingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.queue(MailMessage.to("x@example.org", Language.IT).subject("mail.invite.subject", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String recipient = "annullato" + System.nanoTime() + "@example.org";
        transactions.executeWithoutResult(status -> {
            outbox.queue(MailMessage.to(recipient, Language.IT).subject("mail.invite.subject", "x").about("test", recipient));
            status.setRollbackOnly();
        });
        assertThat(outbox.deliveries("test", recipient)).isEmpty();
    }

    @Test
    void whileTheMailServerIsAwayMessagesWaitWithBackOffAndGoOutOnceItReturns() throws Exception {
        String recipient = "ritardo" + System.nanoTime() + "@example.org";
        // the application's poller pauses; a sender pointed at a port where no mail server listens takes over
        awaitOutboxIdle();
        applicationSender.stop();
        try {
            JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
            unreachable.setHost("127.0.0.1");
            unreachable.setPort(AppProcess.freePort());
            OutboxSender broken = new OutboxSender(store, unreachable, properties, new SimpleMeterRegistry(), java.time.Clock.systemUTC());
            transactions.executeWithoutResult(status -> outbox.queue(MailMessage.to(recipient, Language.IT)
                    .subject("mail.invite.subject", "ritardo").about("test", recipient)));
            assertThat(broken.drain()).isZero();
            var row = jdbc.sql("""
                    SELECT status, attempts, last_error, next_attempt_at > now() + interval '20 seconds' AS later
                    FROM mail_outbox WHERE related_id = :r""").param("r", recipient).query().singleRow();
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("last_error")).containsIgnoringCase("connect");
            assertThat(row.get("later")).as("retried later, not at once").isEqualTo(true);
            assertThat(broken.drain()).as("not due yet").isZero();
            assertThat(outbox.deliveries("test", recipient)).singleElement()
                    .satisfies(d -> assertThat(d.lastError()).isNotBlank());
            // time passes: the retry is due, and the mail server is back
            jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE related_id = :r").param("r", recipient).update();
        } finally {
            applicationSender.start();
        }
        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), recipient);
        mailbox.await(m -> m.subject().contains("ritardo"), Duration.ofSeconds(20));
        assertThat(mailbox.read()).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE related_id = :r").param("r", recipient)
                .query(Integer.class).single()).isEqualTo(2);
    }

    /** Other tests' mail (and the demo data's) is delivered first, so only this test's messages are in play. */
    private void awaitOutboxIdle() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()")
                .query(Long.class).single() == 0);
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        OutboxSender sender = new OutboxSender(store, mailSender, properties, new SimpleMeterRegistry(), java.time.Clock.systemUTC());
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(sender.backoff(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void severalSendersDrainingTogetherSendEachMessageExactlyOnce() throws Exception {
        String recipient = "concorrenza" + System.nanoTime() + "@example.org";
        int count = 60;
        List<OutboxSender> senders = List.of(
                new OutboxSender(store, mailSender, properties, new SimpleMeterRegistry(), java.time.Clock.systemUTC()),
                new OutboxSender(store, mailSender, properties, new SimpleMeterRegistry(), java.time.Clock.systemUTC()),
                new OutboxSender(store, mailSender, properties, new SimpleMeterRegistry(), java.time.Clock.systemUTC()));
        int delivered = 0;
        awaitOutboxIdle();
        applicationSender.stop();
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    outbox.queue(MailMessage.to(recipient, Language.IT).subject("mail.invite.subject", "n" + i)
                            .about("test", recipient));
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            // each drain takes at most a batch of 50, so the three together must share the 60 messages
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxSender sender : senders) {
                runs.add(pool.submit((Callable<Integer>) sender::drain));
            }
            for (Future<Integer> run : runs) {
                delivered += run.get();
            }
            pool.shutdown();
        } finally {
            applicationSender.start();
        }
        assertThat(delivered).isEqualTo(count);
        List<ImapMailbox.Mail> received = new ImapMailbox(mailServer.imapPort(), recipient).read();
        Set<String> ids = new HashSet<>();
        received.forEach(m -> ids.add(m.messageId()));
        assertThat(received).hasSize(count);
        assertThat(ids).hasSize(count);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE related_id = :r AND status = 'SENT' AND attempts = 1")
                .param("r", recipient).query(Integer.class).single()).isEqualTo(count);
    }
}
