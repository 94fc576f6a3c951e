package it.comune.immigrati.mail.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message in the staff's outbox view. */
public record OutboxRow(UUID id, String messageId, String recipient, String subject, String status, int attempts,
        OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime nextAttemptAt, String lastError,
        String failure) {
}
