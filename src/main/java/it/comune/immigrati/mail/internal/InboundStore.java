package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
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
    boolean store(String mailbox, long uid, ImapPoller.Envelope envelope, byte[] raw, String status, String outcome,
            Duration lease) {
        boolean stored = jdbc.sql("""
                INSERT INTO mail_inbound (message_key, mailbox, uid, sender, subject, raw, addresses, status, outcome)
                VALUES (:key, :mailbox, :uid, :sender, :subject, :raw, :addresses, :status, :outcome)
                ON CONFLICT (message_key) DO NOTHING
                """).param("key", envelope.key()).param("mailbox", mailbox).param("uid", uid)
                .param("sender", envelope.sender()).param("subject", envelope.subject()).param("raw", raw)
                .param("addresses", envelope.addresses().toArray(String[]::new)).param("status", status)
                .param("outcome", outcome).update() == 1;
        jdbc.sql("""
                UPDATE mail_inbox_state SET last_uid = GREATEST(last_uid, :uid),
                       fetching_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE mailbox = :mailbox
                """).param("uid", uid).param("lease", (double) lease.toSeconds()).param("mailbox", mailbox).update();
        return stored;
    }

    void release(String mailbox) {
        jdbc.sql("UPDATE mail_inbox_state SET fetching_until = NULL, updated_at = now() WHERE mailbox = :mailbox")
                .param("mailbox", mailbox).update();
    }
}
