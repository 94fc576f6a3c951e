package it.comune.immigrati.practices.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.practices.internal.PracticeRecords.Reminder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the renewal reminders. */
@Repository
class ReminderStore {

    private static final RowMapper<Reminder> ROW = (rs, n) -> new Reminder(rs.getLong("id"), rs.getString("token"),
            rs.getString("email"), rs.getString("language"), rs.getObject("expires_on", LocalDate.class),
            instant(rs.getObject("confirmed_at", OffsetDateTime.class)), (Integer) rs.getObject("last_reminder"),
            instant(rs.getObject("created_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    Reminder insert(String token, String email, String language, LocalDate expiresOn, Instant now) {
        return jdbc.sql("""
                INSERT INTO practices_renewal_reminder (token, email, language, expires_on, created_at, updated_at)
                VALUES (:token, :email, :language, :expires, :now, :now) RETURNING *
                """).param("token", token).param("email", email).param("language", language).param("expires", expiresOn)
                .param("now", at(now)).query(ROW).single();
    }

    Optional<Reminder> byToken(String token) {
        return jdbc.sql("SELECT * FROM practices_renewal_reminder WHERE token = :token").param("token", token).query(ROW).optional();
    }

    /** A sign-up of the address for the same day that waits for its confirmation, made after {@code since}. */
    boolean pendingSince(String email, LocalDate expiresOn, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM practices_renewal_reminder
                WHERE lower(email) = lower(:email) AND expires_on = :expires AND confirmed_at IS NULL AND created_at > :since
                """).param("email", email).param("expires", expiresOn).param("since", at(since)).query(Long.class).single() > 0;
    }

    boolean confirm(long id, Instant now) {
        return jdbc.sql("UPDATE practices_renewal_reminder SET confirmed_at = :now, updated_at = now() WHERE id = :id AND confirmed_at IS NULL")
                .param("id", id).param("now", at(now)).update() == 1;
    }

    int delete(long id) {
        return jdbc.sql("DELETE FROM practices_renewal_reminder WHERE id = :id").param("id", id).update();
    }

    /**
     * Confirmed sign-ups with a reminder due on {@code day}: the permit expires within 90 days and the
     * stage reached (90, 60, 30 days before) was not sent yet; locked for this transaction.
     */
    List<Reminder> dueOn(LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT * FROM practices_renewal_reminder
                WHERE confirmed_at IS NOT NULL AND expires_on BETWEEN :day AND :day + 90
                  AND (last_reminder IS NULL OR last_reminder >
                       CASE WHEN expires_on - :day <= 30 THEN 30 WHEN expires_on - :day <= 60 THEN 60 ELSE 90 END)
                ORDER BY expires_on LIMIT :limit FOR UPDATE SKIP LOCKED
                """).param("day", day).param("limit", limit).query(ROW).list();
    }

    void reminded(long id, int stage, Instant now) {
        jdbc.sql("UPDATE practices_renewal_reminder SET last_reminder = :stage, reminded_at = :now, updated_at = now() WHERE id = :id")
                .param("id", id).param("stage", stage).param("now", at(now)).update();
    }

    /** Deletes what is kept no longer: six months after the expiry, and sign-ups never confirmed. */
    int purge(LocalDate expiredBefore, Instant unconfirmedBefore) {
        return jdbc.sql("""
                DELETE FROM practices_renewal_reminder
                WHERE expires_on < :expired OR (confirmed_at IS NULL AND created_at < :unconfirmed)
                """).param("expired", expiredBefore).param("unconfirmed", at(unconfirmedBefore)).update();
    }

    List<Reminder> byEmail(String email) {
        return jdbc.sql("SELECT * FROM practices_renewal_reminder WHERE lower(email) = lower(:email) ORDER BY id")
                .param("email", email).query(ROW).list();
    }

    int deleteByEmail(String email) {
        return jdbc.sql("DELETE FROM practices_renewal_reminder WHERE lower(email) = lower(:email)").param("email", email).update();
    }

    /** What the staff page counts: sign-ups by state and language, and reminders sent since a moment, by stage. */
    PracticeRecords.ReminderCounts counts(Instant since) {
        long confirmed = jdbc.sql("SELECT count(*) FROM practices_renewal_reminder WHERE confirmed_at IS NOT NULL").query(Long.class).single();
        long unconfirmed = jdbc.sql("SELECT count(*) FROM practices_renewal_reminder WHERE confirmed_at IS NULL").query(Long.class).single();
        List<PracticeRecords.Count> byLanguage = jdbc.sql("""
                SELECT language AS what, count(*) AS n FROM practices_renewal_reminder WHERE confirmed_at IS NOT NULL
                GROUP BY language ORDER BY count(*) DESC, language
                """).query((rs, n) -> new PracticeRecords.Count(rs.getString("what"), rs.getLong("n"))).list();
        List<PracticeRecords.Count> sent = jdbc.sql("""
                SELECT last_reminder::text AS what, count(*) AS n FROM practices_renewal_reminder
                WHERE reminded_at >= :since GROUP BY last_reminder ORDER BY last_reminder DESC
                """).param("since", at(since)).query((rs, n) -> new PracticeRecords.Count(rs.getString("what"), rs.getLong("n"))).list();
        return new PracticeRecords.ReminderCounts(confirmed, unconfirmed, byLanguage, sent);
    }
}
