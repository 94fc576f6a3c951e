package it.comune.immigrati.accounts.internal;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.platform.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Synchronous, so it joins the publisher's transaction. */
    @EventListener
    @Override
    public void record(Audited entry) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, action, record_type, record_id, details)
                VALUES (:actor, :action, :type, :id, :details)
                """).param("actor", entry.actor()).param("action", entry.action()).param("type", entry.recordType())
                .param("id", entry.recordId()).param("details", entry.details() == null ? "" : entry.details())
                .update();
    }
}
