package it.comune.immigrati.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.site.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links: 128 random bits, stored only as their SHA-256, valid for a limited time and once.
 * The e-mail is queued in the same transaction that creates the invitation.
 */
@Service
class Invitations {

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final AciProperties properties;

    Invitations(JdbcClient jdbc, MailOutbox outbox, AciProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Transactional
    void send(StaffUser user, String invitedBy, Language language) {
        String encoded = Secrets.linkToken();
        jdbc.sql("UPDATE staff_invitation SET used_at = now(), updated_at = now() WHERE user_id = :user AND used_at IS NULL")
                .param("user", user.id()).update();
        jdbc.sql("""
                INSERT INTO staff_invitation (token_hash, user_id, expires_at)
                VALUES (:hash, :user, now() + make_interval(secs => :validity))
                """).param("hash", hash(encoded)).param("user", user.id())
                .param("validity", (double) properties.security().invitationValidity().toSeconds()).update();
        String link = properties.mail().publicBaseUrl() + "/invito/" + encoded;
        outbox.queue(MailMessage.to(user.email(), language)
                .subject("mail.invite.subject", properties.comune().name())
                .paragraph("mail.invite.body", invitedBy, user.username())
                .paragraph("mail.invite.validity", properties.security().invitationValidity().toHours())
                .action("mail.invite.action", link)
                .about("staff_user", user.username()));
    }

    /** The account an unexpired, unused invitation opens. */
    Optional<Long> userFor(String token) {
        return jdbc.sql("""
                SELECT user_id FROM staff_invitation
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
                """).param("hash", hash(token)).query(Long.class).optional();
    }

    /**
     * Uses the invitation, if it is still unexpired and unused, and says whose account it opens. One
     * statement, so of several requests with the same link exactly one gets the account: the others wait
     * on the row's lock and then find it used. Call it in the transaction that sets the password.
     */
    Optional<Long> claim(String token) {
        return jdbc.sql("""
                UPDATE staff_invitation SET used_at = now(), updated_at = now()
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
                """).param("hash", hash(token)).query(Long.class).optional();
    }

    private static byte[] hash(String token) {
        return Secrets.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
