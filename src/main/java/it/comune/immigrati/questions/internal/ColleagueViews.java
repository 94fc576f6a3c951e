package it.comune.immigrati.questions.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who else is looking at a question: each staff member's last look, so that two do not answer at once. */
@Repository
class ColleagueViews {

    private final JdbcClient jdbc;

    ColleagueViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Notes that {@code username} has the question open; true when this starts a visit (not seen by them
     * within {@code visit}), so that a visit is one read in the audit log, not one per page load.
     */
    boolean seen(long questionId, String username, Duration visit) {
        return jdbc.sql("""
                WITH before AS (SELECT seen_at FROM question_view WHERE question_id = :q AND username = :u)
                INSERT INTO question_view (question_id, username) VALUES (:q, :u)
                ON CONFLICT (question_id, username) DO UPDATE SET seen_at = now()
                RETURNING COALESCE((SELECT seen_at FROM before) < now() - make_interval(secs => :visit), true)
                """).param("q", questionId).param("u", username).param("visit", (double) visit.toSeconds())
                .query(Boolean.class).single();
    }

    List<String> othersThan(long questionId, String username, Duration window) {
        return jdbc.sql("""
                SELECT username FROM question_view
                WHERE question_id = :q AND username <> :u AND seen_at > now() - make_interval(secs => :window)
                ORDER BY username
                """).param("q", questionId).param("u", username).param("window", (double) window.toSeconds())
                .query(String.class).list();
    }
}
