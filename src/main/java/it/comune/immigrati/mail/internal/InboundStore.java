package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The received mail and each mailbox's high-water mark. A node claims a mailbox for a lease before it
 * fetches, stores every message in a short transaction of its own that also moves the mark and renews
 * the lease, and releases the claim at the end: no transaction spans the IMAP conversation.
 */
@Component
class InboundStore {

    private final JdbcClient jdbc;

    InboundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last UID taken from the mailbox, if this node may fetch it now; empty while another node's
     * claim runs. A new UIDVALIDITY (the server rebuilt or moved the mailbox) starts the mark again from
     * zero: the messages it finds again are recognised by their Message-ID.
     */
    OptionalLong claim(String mailbox, long uidValidity, Duration lease) {
        return jdbc.sql("""
                INSERT INTO mail_inbox_state (mailbox, uid_validity, fetching_until, polled_at)
                VALUES (:mailbox, :validity, now() + make_interval(secs => :lease), now())
                ON CONFLICT (mailbox) DO UPDATE SET
                    last_uid = CASE WHEN mail_inbox_state.uid_validity = EXCLUDED.uid_validity
                                    THEN mail_inbox_state.last_uid ELSE 0 END,
                    uid_validity = EXCLUDED.uid_validity, fetching_until = EXCLUDED.fetching_until,
                    polled_at = now(), updated_at = now()
                WHERE mail_inbox_state.fetching_until IS NULL OR mail_inbox_state.fetching_until < now()
                RETURNING last_uid
                """).param("mailbox", mailbox).param("validity", uidValidity).param("lease", (double) lease.toSeconds())
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Stores one message (once: by its key) with the status it starts in, and moves the mark past its
     * UID; in the caller's transaction, which may queue a reply with it.
     *
     * @return whether it was new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean store(String mailbox, long uidValidity, long uid, ImapPoller.Envelope envelope, SpooledMail raw, String status,
            String outcome, Duration lease) {
        boolean stored;
        try (java.io.InputStream bytes = raw.open()) {
            stored = insert(mailbox, uidValidity, uid, envelope, new SqlBinaryValue(bytes, raw.size()), status, outcome);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jdbc.sql("""
                UPDATE mail_inbox_state SET last_uid = GREATEST(last_uid, :uid),
                       fetching_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE mailbox = :mailbox
                """).param("uid", uid).param("lease", (double) lease.toSeconds()).param("mailbox", mailbox).update();
        return stored;
    }

    /** The raw bytes go to PostgreSQL as a stream, never as one array. */
    private boolean insert(String mailbox, long uidValidity, long uid, ImapPoller.Envelope envelope, SqlBinaryValue raw,
            String status, String outcome) {
        // a message erased or expired before is not taken in again, whatever its UID now
        return jdbc.sql("""
                INSERT INTO mail_inbound (message_key, mailbox, uid, uid_validity, sender, subject, raw, addresses, status, outcome)
                SELECT :key, :mailbox, :uid, :validity, :sender, :subject, :raw, :addresses, :status, :outcome
                WHERE NOT EXISTS (SELECT 1 FROM mail_inbound_forgotten
                                  WHERE key_hash = 'sha256:' || encode(sha256(convert_to(:key, 'UTF8')), 'hex'))
                ON CONFLICT (message_key) DO NOTHING
                """).param("key", envelope.key()).param("mailbox", mailbox).param("uid", uid).param("validity", uidValidity)
                .param("sender", envelope.sender()).param("subject", envelope.subject()).param("raw", raw)
                .param("addresses", envelope.addresses().toArray(String[]::new)).param("status", status)
                .param("outcome", outcome).update() == 1;
    }

    /** A message this mailbox holds and the desk has finished with (processed or ignored): to move out of the inbox. */
    record Finished(long id, long uid) {
    }

    List<Finished> finished(String mailbox, long uidValidity) {
        return jdbc.sql("""
                SELECT id, uid FROM mail_inbound
                WHERE mailbox = :mailbox AND uid_validity = :validity AND moved_at IS NULL AND status IN ('PROCESSED', 'IGNORED')
                ORDER BY id LIMIT 500
                """).param("mailbox", mailbox).param("validity", uidValidity)
                .query((rs, n) -> new Finished(rs.getLong(1), rs.getLong(2))).list();
    }

    void moved(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE mail_inbound SET moved_at = now(), updated_at = now() WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    /** A message the desk has forgotten (erased, expired) that may still be on the server. */
    record Forgotten(String keyHash, String messageKey, Long uid, Long uidValidity) {
    }

    List<Forgotten> forgotten(String mailbox) {
        return jdbc.sql("""
                SELECT key_hash, message_key, uid, uid_validity FROM mail_inbound_forgotten
                WHERE mailbox = :mailbox AND expunged_at IS NULL ORDER BY forgotten_at LIMIT 500
                """).param("mailbox", mailbox).query((rs, n) -> new Forgotten(rs.getString(1), rs.getString(2),
                rs.getObject(3, Long.class), rs.getObject(4, Long.class))).list();
    }

    /** Off the server: only the hash is kept, to recognise the message should it come back. */
    void expunged(List<String> keyHashes) {
        if (!keyHashes.isEmpty()) {
            jdbc.sql("""
                    UPDATE mail_inbound_forgotten SET expunged_at = now(), message_key = NULL, uid = NULL
                    WHERE key_hash IN (:hashes)""").param("hashes", keyHashes).update();
        }
    }

    void release(String mailbox) {
        jdbc.sql("UPDATE mail_inbox_state SET fetching_until = NULL, updated_at = now() WHERE mailbox = :mailbox")
                .param("mailbox", mailbox).update();
    }

    /** Messages held back for a person to look at. */
    long quarantined() {
        return jdbc.sql("SELECT count(*) FROM mail_inbound WHERE status = 'QUARANTINED'").query(Long.class).single();
    }
}
