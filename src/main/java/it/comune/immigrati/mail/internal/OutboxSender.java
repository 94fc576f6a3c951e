package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} inside its own
 * transaction, so several nodes can poll the same table without sending a message twice; a failure
 * reschedules it with exponential back-off. A crash between the SMTP server's "250 OK" and our commit
 * would send it again, with the same Message-ID, so the receiving side can tell it is a duplicate.
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

    /** Delivers every message that is due; returns how many were sent. */
    int drain() {
        lastPoll.set(Instant.now());
        int delivered = 0;
        for (int i = 0; i < settings.outbox().batchSize(); i++) {
            Optional<Boolean> outcome = transactions.execute(status -> claimOne().map(this::deliver));
            if (outcome == null || outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                delivered++;
            }
        }
        return delivered;
    }

    private Optional<Claimed> claimOne() {
        return jdbc.sql("""
                SELECT id, message_id, recipient, subject, text_body, html_body, in_reply_to, attempts
                FROM mail_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8))).optional();
    }

    private boolean deliver(Claimed message) {
        try {
            mailSender.send(toMime(message));
            jdbc.sql("""
                    UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
                           last_error = NULL, updated_at = now()
                    WHERE id = :id
                    """).param("id", message.id()).update();
            sent.increment();
            return true;
        } catch (MailException | MessagingException e) {
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
            return false;
        }
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
