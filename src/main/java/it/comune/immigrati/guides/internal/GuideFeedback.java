package it.comune.immigrati.guides.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.guides.internal.GuideRecords.FeedbackSummary;
import it.comune.immigrati.site.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clarity question at the foot of every guide: a rating from 1 to 5 and the reasons for it, anonymous,
 * and what the editors read of it. It has a table of its own, so its few statements live here.
 */
@Service
class GuideFeedback {

    /** Reasons offered after a good rating (4–5) and after a poor one (1–3). */
    static final List<String> GOOD_REASONS = List.of("chiare", "complete", "trovato", "altro");
    static final List<String> POOR_REASONS = List.of("poco-chiare", "incomplete", "non-trovato", "non-aggiornate",
            "lingua", "altro");

    private final JdbcClient jdbc;

    GuideFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reasons a reader may give: why it was clear after a good rating, what was missing after a poor one. */
    static List<String> reasonsFor(int rating) {
        return rating >= 4 ? GOOD_REASONS : POOR_REASONS;
    }

    /** A rating from 1 to 5, with only reasons offered for that rating and no more of them than are offered. */
    static boolean accepts(int rating, List<String> reasons) {
        List<String> allowed = reasonsFor(rating);
        return rating >= 1 && rating <= 5 && reasons.size() <= allowed.size() && allowed.containsAll(reasons);
    }

    @Transactional
    void record(long guideId, Language language, int rating, List<String> reasons) {
        jdbc.sql("INSERT INTO guide_feedback (guide_id, language, rating, reasons) VALUES (:guide, :language, :rating, :reasons)")
                .param("guide", guideId).param("language", language.code()).param("rating", rating)
                .param("reasons", reasons.toArray(String[]::new)).update();
    }

    /** The editors' view: how many answered, the average rating, and each reason by how often it was given. */
    FeedbackSummary summary(long guideId) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT reason, count(*) AS answers FROM guide_feedback, unnest(reasons) AS reason
                WHERE guide_id = :guide GROUP BY reason ORDER BY answers DESC, reason
                """).param("guide", guideId).query(rs -> {
                    reasons.put(rs.getString("reason"), rs.getInt("answers"));
                });
        return jdbc.sql("SELECT count(*) AS answers, coalesce(avg(rating), 0) AS average FROM guide_feedback WHERE guide_id = :guide")
                .param("guide", guideId)
                .query((rs, n) -> new FeedbackSummary(rs.getInt("answers"), rs.getDouble("average"), reasons)).single();
    }
}
