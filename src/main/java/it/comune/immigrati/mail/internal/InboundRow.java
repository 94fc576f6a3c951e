package it.comune.immigrati.mail.internal;

import java.time.OffsetDateTime;

/** One message received in the desk mailbox, as staff see it. */
public record InboundRow(long id, String sender, String subject, String status, String outcome,
        OffsetDateTime receivedAt) {
}
