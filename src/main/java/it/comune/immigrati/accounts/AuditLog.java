package it.comune.immigrati.accounts;

import it.comune.immigrati.platform.Audited;

/**
 * The one way audit records are written. Modules may call it directly or publish {@link Audited}
 * events, which end up here in the publisher's transaction.
 */
public interface AuditLog {

    void record(Audited entry);
}
