package it.comune.immigrati.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.comune.immigrati.mail.internal.OutboxStore.Claimed;
import it.comune.immigrati.platform.AciProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Messages are claimed a batch at a time for a lease ({@link OutboxStore}), so
 * several nodes can poll the same table without sending a message twice, and sent over one SMTP
 * connection with no database transaction open. Every conversation with the server is bounded by
 * {@code aci.mail.connect-timeout} and {@code aci.mail.timeout}. A temporary failure reschedules the
 * message with exponential back-off; a final one (5xx) marks it failed at once, with the reason. A crash
 * between the server's "250 OK" and our update sends the message again when the lease ends, with the
 * same Message-ID, so the receiving side can tell it is a duplicate.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private final OutboxStore store;
    private final JavaMailSenderImpl server;
    private final AciProperties.Mail settings;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final AtomicReference<Instant> lastPoll = new AtomicReference<>(Instant.now());

    OutboxSender(OutboxStore store, JavaMailSender mailSender, AciProperties properties, MeterRegistry meters, Clock clock) {
        if (!(mailSender instanceof JavaMailSenderImpl impl)) {
            throw new IllegalStateException("The outbox needs Spring's JavaMailSenderImpl, not " + mailSender.getClass());
        }
        this.store = store;
        this.server = impl;
        this.settings = properties.mail();
        this.clock = clock;
        this.sent = meters.counter("aci.mail.sent");
        this.failed = meters.counter("aci.mail.failed.attempts");
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
            lastPoll.set(clock.instant());
            List<Claimed> batch = store.claim(settings.outbox().batchSize(), lease());
            if (batch.isEmpty()) {
                break;
            }
            delivered += deliver(batch);
            if (batch.size() < settings.outbox().batchSize()) {
                break;
            }
        }
        return delivered;
    }

    /** Long enough for a whole batch to time out message by message, so no claim ends while it is being sent. */
    private Duration lease() {
        return settings.connectTimeout().plus(settings.timeout().multipliedBy(3L * settings.outbox().batchSize()))
                .plusMinutes(1);
    }

    /** One connection for the batch (a connection, and its TLS handshake, per message made the drain ten times slower). */
    private int deliver(List<Claimed> batch) {
        Session session = session();
        Transport transport;
        try {
            transport = session.getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
            transport.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
        } catch (MessagingException unreachable) {
            batch.forEach(message -> retryLater(message, unreachable));
            return 0;
        }
        int delivered = 0;
        try {
            for (int i = 0; i < batch.size(); i++) {
                Claimed message = batch.get(i);
                MimeMessage mime;
                try {
                    mime = toMime(session, message);
                } catch (MessagingException unwritable) {
                    fail(message, OutboxStore.Failure.REFUSED, unwritable);
                    continue;
                }
                try {
                    transport.sendMessage(mime, mime.getAllRecipients());
                    store.sent(message.id(), clock.instant());
                    sent.increment();
                    delivered++;
                } catch (SendFailedException refused) {
                    var verdict = SmtpAnswers.finalFailure(refused);
                    if (verdict.isPresent()) {
                        fail(message, verdict.get(), refused);
                    } else {
                        retryLater(message, refused);
                    }
                } catch (MessagingException broken) {
                    // the connection is gone (a timeout, a reset): this and the rest wait for the next run
                    for (Claimed rest : batch.subList(i, batch.size())) {
                        retryLater(rest, broken);
                    }
                    break;
                }
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the messages are marked already; a QUIT nobody answers changes nothing
            }
        }
        return delivered;
    }

    private Session session() {
        Properties properties = new Properties();
        properties.putAll(server.getJavaMailProperties());
        String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
        properties.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(settings.timeout().toMillis()));
        properties.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (server.getUsername() != null) {
            properties.putIfAbsent("mail." + protocol + ".auth", "true");
        }
        return Session.getInstance(properties);
    }

    private void fail(Claimed message, OutboxStore.Failure failure, Exception e) {
        store.failed(message.id(), message.attempts() + 1, failure, describe(e));
        failed.increment();
        log.warn("Delivery of {} to {} refused for good ({}): {}", message.messageId(), message.recipient(),
                failure.code(), describe(e));
    }

    private void retryLater(Claimed message, Exception e) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= settings.outbox().maxAttempts();
        Duration delay = backoff(attempts);
        store.retryLater(message.id(), attempts, describe(e), delay, giveUp);
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

    /**
     * Headers are encoded as RFC 2047 asks (a Comune named Cantù or Forlì, an Arabic subject); replies go
     * to the desk mailbox; only mail no person wrote says so (RFC 3834), so that an answer from an
     * operator is treated by the resident's mail program as a letter, not as an automatic notice.
     */
    MimeMessage toMime(Session session, Claimed message) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(session, message.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        InternetAddress from = new InternetAddress(settings.from(), true);
        try {
            helper.setFrom(from.getAddress(), from.getPersonal());
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new MessagingException("UTF-8", impossible);
        }
        helper.setReplyTo(new InternetAddress(settings.deskAddress(), true));
        helper.setTo(new InternetAddress(message.recipient(), true));
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        if (message.hasAttachments()) {
            for (OutboxStore.StoredAttachment attachment : store.attachments(message.id())) {
                helper.addAttachment(attachment.filename(),
                        new org.springframework.core.io.ByteArrayResource(attachment.content()), attachment.contentType());
            }
        }
        if (!message.writtenByPerson()) {
            mime.setHeader("Auto-Submitted", "auto-generated");
        }
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }

    static String describe(Exception e) {
        Throwable root = e;
        while (true) {
            Throwable next = root instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : root.getCause();
            if (next == null || next == root) {
                break;
            }
            root = next;
        }
        String text = root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage()).strip();
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
