package it.comune.immigrati.accounts.internal;

import java.time.OffsetDateTime;

/** One line of the audit log. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String recordType, String recordId,
        String details) {
}
