package it.comune.immigrati.questions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.Figure;
import it.comune.immigrati.platform.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk's figures for reports: questions received by topic, language and channel, questions
 * answered, and those answered within the service level. Spam is not counted; anonymised questions are
 * (their topic, language and dates are kept for this).
 */
@Component
class QuestionFigures implements Figures {

    private final JdbcClient jdbc;
    private final Clock clock;

    QuestionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "questions";
    }

    @Override
    public List<Figure> between(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<Figure> figures = new ArrayList<>();
        for (String dimension : List.of("topic", "language", "channel")) {
            figures.addAll(jdbc.sql("SELECT " + dimension + ", count(*) FROM question"
                    + " WHERE created_at >= :start AND created_at < :end AND NOT spam GROUP BY 1 ORDER BY 1")
                    .param("start", start).param("end", end)
                    .query((rs, n) -> new Figure("questions.received", dimension, rs.getString(1), rs.getLong(2))).list());
        }
        figures.add(jdbc.sql("""
                SELECT count(DISTINCT q.id) FROM question q JOIN question_message m ON m.question_id = q.id
                WHERE m.kind = 'ANSWER' AND m.created_at >= :start AND m.created_at < :end AND NOT q.spam
                """).param("start", start).param("end", end)
                .query((rs, n) -> new Figure("questions.answered", "", "", rs.getLong(1))).single());
        figures.add(jdbc.sql("""
                SELECT count(*) FROM question q
                WHERE q.created_at >= :start AND q.created_at < :end AND NOT q.spam
                  AND (SELECT min(m.created_at) FROM question_message m WHERE m.question_id = q.id AND m.kind = 'ANSWER') <= q.due_at
                """).param("start", start).param("end", end)
                .query((rs, n) -> new Figure("questions.answered-in-time", "", "", rs.getLong(1))).single());
        return figures;
    }
}
