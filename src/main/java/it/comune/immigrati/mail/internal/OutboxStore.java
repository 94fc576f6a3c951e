package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox table as the sender sees it. Each method is one statement in its own transaction: a message
 * is claimed for a while (a lease), sent with no transaction open, then marked — so a mail server that
 * stops answering holds no lock and no connection of the pool, and a node that dies while sending only
 * leaves its claims to expire.
 */
@Component
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Claimed(UUID id, String messageId, String recipient, String subject, String text, String html,
            String inReplyTo, int attempts, boolean writtenByPerson, boolean hasAttachments) {
    }

    record StoredAttachment(String filename, String contentType, byte[] content) {
    }

    /** The files sent with a message, in the order they were attached. */
    List<StoredAttachment> attachments(UUID id) {
        return jdbc.sql("""
                SELECT filename, content_type, content FROM mail_outbox_attachment WHERE outbox_id = :id ORDER BY position
                """).param("id", id)
                .query((rs, n) -> new StoredAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    /** Up to {@code batch} due messages, none of which another node or run will take before the lease ends. */
    List<Claimed> claim(int batch, Duration lease) {
        return jdbc.sql("""
                UPDATE mail_outbox o SET next_attempt_at = now() + make_interval(secs => :lease), updated_at = now()
                FROM (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED) due
                WHERE o.id = due.id
                RETURNING o.id, o.message_id, o.recipient, o.subject, o.text_body, o.html_body, o.in_reply_to,
                          o.attempts, o.written_by_person,
                          EXISTS (SELECT 1 FROM mail_outbox_attachment a WHERE a.outbox_id = o.id) AS has_attachments
                """).param("batch", batch).param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10)))
                .list();
    }

    /** The receiving server took the message at {@code acceptedAt}. */
    void sent(UUID id, Instant acceptedAt) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = NULL,
                       failure = NULL, updated_at = now()
                WHERE id = :id
                """).param("at", java.sql.Timestamp.from(acceptedAt)).param("id", id).update();
    }

    /** A temporary failure: tried again after {@code delay}, or given up after the last attempt. */
    void retryLater(UUID id, int attempts, String error, Duration delay, boolean giveUp) {
        jdbc.sql("""
                UPDATE mail_outbox SET attempts = :attempts, last_error = :error, updated_at = now(),
                       status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END,
                       failure = CASE WHEN :giveUp THEN 'gave-up' END,
                       next_attempt_at = now() + make_interval(secs => :delay)
                WHERE id = :id
                """).param("attempts", attempts).param("error", error).param("giveUp", giveUp)
                .param("delay", (double) delay.toSeconds()).param("id", id).update();
    }

    /** A final answer (the address does not exist, the message is refused): never tried again by itself. */
    void failed(UUID id, int attempts, Failure failure, String error) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'FAILED', failure = :failure, attempts = :attempts, last_error = :error,
                       updated_at = now()
                WHERE id = :id
                """).param("failure", failure.code()).param("attempts", attempts).param("error", error)
                .param("id", id).update();
    }

    /** A delivery report came back for a message we sent: it did not arrive after all. */
    int bounced(String messageId, Failure failure, String error) {
        return jdbc.sql("""
                UPDATE mail_outbox SET status = 'FAILED', failure = :failure, last_error = :error, updated_at = now()
                WHERE message_id = :messageId
                """).param("failure", failure.code()).param("error", error).param("messageId", messageId.strip()).update();
    }

    /** Why a message will not be delivered. */
    enum Failure {
        NO_SUCH_ADDRESS("no-such-address"), REFUSED("refused"), GAVE_UP("gave-up");

        private final String code;

        Failure(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** Messages given up on since {@code since}: the staff home's warning. */
    long failedSince(java.time.Instant since) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'FAILED' AND updated_at >= :since")
                .param("since", java.sql.Timestamp.from(since)).query(Long.class).single();
    }
}
