package it.comune.immigrati.mail;

import java.util.List;

/** Queues outgoing e-mail. The only way any module sends mail. */
public interface MailOutbox {

    /**
     * Renders the message in its language and stores it for delivery. Must run inside the caller's
     * transaction, so the message exists if and only if the change that caused it was committed.
     *
     * @return the queued message's Message-ID, stable across retries
     */
    String queue(MailMessage message);

    /** The message as it would be sent (subject and text), without queueing it: for a preview. */
    Preview preview(MailMessage message);

    record Preview(String subject, String text) {
    }

    /** Delivery state of the messages about one record, newest first. */
    List<Delivery> deliveries(String relatedType, String relatedId);

    /** What a message we sent was about ({@link MailMessage#about}), by its Message-ID. */
    java.util.Optional<Related> relatedTo(String messageId);

    record Related(String type, String id) {
    }

    /**
     * @param failure why it will not be tried again by itself, when it will not: {@code no-such-address}
     *        (the receiving server says the address does not exist), {@code refused} (it refused the
     *        message), {@code gave-up} (every attempt failed); the message key {@code outbox.failure.<failure>}
     *        explains it
     */
    record Delivery(String messageId, String recipient, String subject, String status, int attempts,
            java.time.Instant createdAt, java.time.Instant sentAt, String lastError, String failure) {
    }
}
