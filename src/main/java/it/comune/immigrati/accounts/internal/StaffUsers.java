package it.comune.immigrati.accounts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.accounts.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff_user table. */
@Repository
class StaffUsers {

    private static final String COLUMNS = """
            id, username, display_name, email, password_hash, roles, languages, enabled, totp_secret,
            totp_last_step, failed_logins, locked_until, last_login_at""";

    private final JdbcClient jdbc;

    StaffUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE username = :username")
                .param("username", username).query(StaffUsers::map).optional();
    }

    Optional<StaffUser> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE id = :id").param("id", id)
                .query(StaffUsers::map).optional();
    }

    List<StaffUser> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user ORDER BY username").query(StaffUsers::map).list();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_user)").query(Boolean.class).single();
    }

    boolean usernameOrEmailTaken(String username, String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_user WHERE username = :u OR lower(email) = lower(:e))")
                .param("u", username).param("e", email).query(Boolean.class).single();
    }

    long create(String username, String displayName, String email, String passwordHash, List<StaffRole> roles,
            List<String> languages) {
        return jdbc.sql("""
                INSERT INTO staff_user (username, display_name, email, password_hash, roles, languages)
                VALUES (:username, :name, :email, :hash, CAST(:roles AS text[]), CAST(:languages AS text[]))
                RETURNING id
                """).param("username", username).param("name", displayName).param("email", email)
                .param("hash", passwordHash).param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
                .param("languages", languages.toArray(String[]::new)).query(Long.class).single();
    }

    void update(long id, String displayName, String email, List<StaffRole> roles, List<String> languages,
            boolean enabled) {
        jdbc.sql("""
                UPDATE staff_user SET display_name = :name, email = :email, roles = CAST(:roles AS text[]),
                       languages = CAST(:languages AS text[]), enabled = :enabled, updated_at = now()
                WHERE id = :id
                """).param("name", displayName).param("email", email)
                .param("roles", roles.stream().map(Enum::name).toArray(String[]::new)).param("languages", languages.toArray(String[]::new))
                .param("enabled", enabled).param("id", id).update();
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    void enrolTotp(long id, String secret, long step) {
        jdbc.sql("UPDATE staff_user SET totp_secret = :secret, totp_last_step = :step, updated_at = now() WHERE id = :id")
                .param("secret", secret).param("step", step).param("id", id).update();
    }

    void resetTotp(long id) {
        jdbc.sql("UPDATE staff_user SET totp_secret = NULL, totp_last_step = 0, updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    /** Marks a TOTP step used; false if it (or a later one) was used already, so a code works once. */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("UPDATE staff_user SET totp_last_step = :step, updated_at = now() WHERE id = :id AND totp_last_step < :step")
                .param("step", step).param("id", id).update() == 1;
    }

    /**
     * Counts a failed attempt and, past the threshold, locks the account for a time that doubles with
     * every further failure. Returns the lock's end, if any.
     */
    Optional<Instant> registerFailure(String username, int threshold, Duration first, Duration max) {
        return jdbc.sql("""
                UPDATE staff_user SET failed_logins = failed_logins + 1, updated_at = now(),
                       locked_until = CASE WHEN failed_logins + 1 >= :threshold
                           THEN now() + LEAST(make_interval(secs => :first * power(2, LEAST(failed_logins + 1 - :threshold, 20))),
                                              make_interval(secs => :max))
                           ELSE locked_until END
                WHERE username = :username
                RETURNING locked_until
                """).param("threshold", threshold).param("first", (double) first.toSeconds())
                .param("max", (double) max.toSeconds()).param("username", username)
                .query((rs, n) -> instant(rs.getTimestamp(1))).optional().filter(i -> i != null && i.isAfter(Instant.now()));
    }

    void registerSuccess(long id) {
        jdbc.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL, last_login_at = now(), updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    static StaffUser map(ResultSet rs, int row) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("password_hash"),
                strings(rs.getArray("roles")).stream().map(StaffRole::valueOf).toList(),
                strings(rs.getArray("languages")), rs.getBoolean("enabled"), rs.getString("totp_secret"),
                rs.getLong("totp_last_step"), rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("last_login_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
