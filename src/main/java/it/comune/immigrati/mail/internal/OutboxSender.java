package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.comune.immigrati.platform.AciProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Messages are claimed a batch at a time with {@code FOR UPDATE SKIP LOCKED}, so
 * several nodes can poll the same table without sending a message twice; a failure reschedules a
 * message with exponential back-off. A crash between the SMTP server's "250 OK" and our commit would
 * send the batch again, with the same Message-IDs, so the receiving side can tell they are duplicates.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transactions;
    private final AciProperties.Mail settings;
    private final Counter sent;
    private final Counter failed;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private final AtomicReference<Instant> lastPoll = new AtomicReference<>(Instant.now());

    OutboxSender(JdbcClient jdbc, JavaMailSender mailSender, TransactionTemplate transactions, AciProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.settings = properties.mail();
        this.sent = meters.counter("aci.mail.sent");
        this.failed = meters.counter("aci.mail.failed.attempts");
    }

    private record Claimed(UUID id, String messageId, String recipient, String subject, String text, String html,
            String inReplyTo, int attempts) {
    }

    /**
     * Delivers the messages that are due, batch after batch, until none is left or {@link #RUN_LIMIT} has
     * passed (so that a shutdown never waits long for a run); returns how many were sent. A burst of
     * confirmations thus leaves at the mail server's pace, not one batch per poll interval.
     */
    int drain() {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        int delivered = 0;
        while (System.nanoTime() < deadline) {
            lastPoll.set(Instant.now());
            Batch batch = transactions.execute(status -> deliverBatch());
            if (batch == null) {
                break;
            }
            delivered += batch.sent();
            if (batch.claimed() < settings.outbox().batchSize()) {
                break;
            }
        }
        return delivered;
    }

    private record Batch(int claimed, int sent) {
    }

    /**
     * Claims up to a batch of due messages and sends them over one SMTP connection (a connection, and
     * its TLS handshake, per message made the drain ten times slower); each message is then marked sent
     * or rescheduled on its own.
     */
    private Batch deliverBatch() {
        List<Claimed> claimed = jdbc.sql("""
                SELECT id, message_id, recipient, subject, text_body, html_body, in_reply_to, attempts
                FROM mail_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED
                """).param("batch", settings.outbox().batchSize()).query((rs, n) -> new Claimed(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8))).list();
        Map<Claimed, Exception> failures = new HashMap<>();
        Map<Claimed, MimeMessage> messages = new LinkedHashMap<>();
        for (Claimed message : claimed) {
            try {
                messages.put(message, toMime(message));
            } catch (MessagingException e) {
                failures.put(message, e);
            }
        }
        if (!messages.isEmpty()) {
            try {
                mailSender.send(messages.values().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                Map<Object, Exception> failed = e.getFailedMessages();
                messages.forEach((message, mime) -> {
                    if (failed.isEmpty() || failed.containsKey(mime)) {
                        failures.put(message, failed.getOrDefault(mime, e));
                    }
                });
            } catch (MailException e) {
                messages.keySet().forEach(message -> failures.put(message, e));
            }
        }
        int sent = 0;
        for (Claimed message : claimed) {
            Exception failure = failures.get(message);
            if (failure == null) {
                markSent(message);
                sent++;
            } else {
                reschedule(message, failure);
            }
        }
        return new Batch(claimed.size(), sent);
    }

    private void markSent(Claimed message) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
                       last_error = NULL, updated_at = now()
                WHERE id = :id
                """).param("id", message.id()).update();
        sent.increment();
    }

    private void reschedule(Claimed message, Exception e) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= settings.outbox().maxAttempts();
        Duration delay = backoff(attempts);
        jdbc.sql("""
                UPDATE mail_outbox SET attempts = :attempts, last_error = :error, updated_at = now(),
                       status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = now() + make_interval(secs => :delay)
                WHERE id = :id
                """).param("attempts", attempts).param("error", describe(e)).param("giveUp", giveUp)
                .param("delay", (double) delay.toSeconds()).param("id", message.id()).update();
        failed.increment();
        log.warn("Delivery of {} to {} failed (attempt {}{}): {}", message.messageId(), message.recipient(),
                attempts, giveUp ? ", giving up" : ", retry in " + delay, describe(e));
    }

    /** 30 s, 1 min, 2 min, … up to the configured maximum. */
    Duration backoff(int attempts) {
        Duration first = settings.outbox().firstRetry();
        Duration delay = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.outbox().maxRetry()) > 0 ? settings.outbox().maxRetry() : delay;
    }

    private MimeMessage toMime(Claimed message) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(Session.getInstance(new java.util.Properties()), message.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from()));
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    Instant lastPoll() {
        return lastPoll.get();
    }

    /** A MIME message that keeps the Message-ID we gave it instead of making a new one on save. */
    static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
