package it.comune.immigrati.accounts.internal;

import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.platform.PersonalData;
import it.comune.immigrati.platform.PrivacyRequests;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit log names records, not people, but an entry may have named an address (a privacy request
 * before 2026-12, a record id that is an address). Such entries are kept — who did what stays on
 * record — with the address replaced by its {@link PrivacyRequests#reference reference}.
 */
@Service
@Order(200)
class AuditPrivacy implements PersonalData {

    private static final String NAMES = "(record_id ~* :whole OR details ~* :whole OR actor ~* :whole)";

    private final JdbcClient jdbc;

    AuditPrivacy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "auditLog";
    }

    @Override
    public List<Held> held(String email) {
        return List.of(new Held("accounts.privacy.held", jdbc.sql("SELECT count(*) FROM audit_log WHERE " + NAMES)
                .param("whole", EmailAddresses.wholeAddressPattern(email)).query(Long.class).single()));
    }

    @Override
    public List<Map<String, Object>> export(String email) {
        return jdbc.sql("SELECT at, actor, action, record_type, record_id, details FROM audit_log WHERE " + NAMES
                + " ORDER BY at").param("whole", EmailAddresses.wholeAddressPattern(email)).query((rs, n) -> Map.<String, Object>of(
                        "at", rs.getTimestamp("at").toInstant().toString(), "actor", rs.getString("actor"),
                        "action", rs.getString("action"), "record", rs.getString("record_type") + " " + rs.getString("record_id"),
                        "details", rs.getString("details"))).list();
    }

    @Override
    public int erase(String email) {
        return jdbc.sql("""
                UPDATE audit_log SET record_id = regexp_replace(record_id, :whole, :ref, 'gi'),
                                     details = regexp_replace(details, :whole, :ref, 'gi'),
                                     actor = regexp_replace(actor, :whole, :ref, 'gi'), updated_at = now()
                WHERE""" + " " + NAMES).param("whole", EmailAddresses.wholeAddressPattern(email))
                .param("ref", "\\1" + PrivacyRequests.reference(email) + "\\2").update();
    }
}
