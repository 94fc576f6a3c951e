package it.comune.immigrati.mail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail kept about an address: sent to it, or received naming it — as sender, or only in a header
 * such as {@code Reply-To} or in the text, also a base64 or quoted-printable one. Erased after the modules that
 * refer to messages (order 100), and expired after the retention period.
 */
@Service
@Order(100)
class JdbcMailPrivacy implements PersonalData {

    /*
     * A received message names the address when it is its sender, when it is among the addresses found in
     * its headers and decoded text parts (NamedAddresses, at receipt), or, for messages stored before those
     * were kept, when the raw bytes' ASCII-escaped form holds it as a whole address.
     */
    private static final String RAW_NAMES = "(addresses @> ARRAY[lower(:a)] OR encode(raw, 'escape') ~* :whole)";

    private final JdbcClient jdbc;

    JdbcMailPrivacy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredMail(String direction, String counterpart, String subject, String text, Instant at) {
    }

    @Override
    public String section() {
        return "emails";
    }

    @Override
    public List<Held> held(String email) {
        return List.of(new Held("mail.privacy.held", about(email).size()));
    }

    @Override
    public List<StoredMail> export(String email) {
        return about(email);
    }

    List<StoredMail> about(String address) {
        // staff accounts' own mail (invitations carry a link that opens the account) is not a resident's data
        List<StoredMail> mails = new ArrayList<>(jdbc.sql("""
                SELECT recipient, subject, text_body, created_at FROM mail_outbox
                WHERE lower(recipient) = lower(:a) AND related_type IS DISTINCT FROM 'staff_user'
                """).param("a", address).query((rs, n) -> new StoredMail("sent", rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())).list());
        mails.addAll(jdbc.sql("SELECT sender, subject, raw, received_at FROM mail_inbound WHERE lower(sender) = lower(:a) OR "
                + RAW_NAMES).param("a", address).param("whole", EmailAddresses.wholeAddressPattern(address)).query((rs, n) -> new StoredMail("received", rs.getString(1),
                rs.getString(2), new String(rs.getBytes(3), StandardCharsets.UTF_8),
                rs.getObject(4, OffsetDateTime.class).toInstant())).list());
        mails.sort(Comparator.comparing(StoredMail::at).reversed());
        return mails;
    }

    /** Every message to or naming the address, also those still waiting: none of them may go out or be read now. */
    @Override
    public int erase(String email) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE lower(recipient) = lower(:a)").param("a", email).update()
                + jdbc.sql(forgetting("lower(sender) = lower(:a) OR " + RAW_NAMES))
                        .param("a", email).param("whole", EmailAddresses.wholeAddressPattern(email)).query(Integer.class).single();
    }

    /** Deletes delivered and received messages older than {@code age}; returns how many. */
    @Transactional
    int expire(Duration age) {
        double seconds = age.toSeconds();
        return jdbc.sql("DELETE FROM mail_outbox WHERE status <> 'PENDING' AND created_at < now() - make_interval(secs => :s)")
                .param("s", seconds).update()
                + jdbc.sql(forgetting("status <> 'NEW' AND received_at < now() - make_interval(secs => :s)"))
                        .param("s", seconds).query(Integer.class).single();
    }

    /**
     * Deletes the received messages that match, leaving a tombstone for each, so that the desk mailbox
     * poll expunges them from the server and never takes them in again; returns how many.
     */
    private static String forgetting(String condition) {
        return """
                WITH gone AS (DELETE FROM mail_inbound WHERE %s RETURNING message_key, mailbox, uid, uid_validity),
                     kept AS (INSERT INTO mail_inbound_forgotten (key_hash, mailbox, message_key, uid, uid_validity)
                              SELECT 'sha256:' || encode(sha256(convert_to(message_key, 'UTF8')), 'hex'), mailbox,
                                     message_key, uid, uid_validity FROM gone
                              ON CONFLICT (key_hash) DO UPDATE SET expunged_at = NULL, message_key = EXCLUDED.message_key,
                                  uid = EXCLUDED.uid, uid_validity = EXCLUDED.uid_validity)
                SELECT count(*) FROM gone
                """.formatted(condition);
    }
}
