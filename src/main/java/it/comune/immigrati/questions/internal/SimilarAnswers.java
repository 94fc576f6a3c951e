package it.comune.immigrati.questions.internal;

import java.util.List;

import it.comune.immigrati.search.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Answered questions like the one being answered, shown beside the operator's answer. */
@Repository
class SimilarAnswers {

    private final JdbcClient jdbc;

    SimilarAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Answered questions whose residents used the same words (any language, accents folded), best first,
     * among those the staff member may see.
     */
    List<QuestionRecords.Similar> to(long questionId, String text, int limit, NeedToKnow.Scope scope) {
        // folded first, then cut into letters and digits: folding a built query can make syntax of it (ŉ → 'n)
        String folded = jdbc.sql("SELECT unaccent(:text)").param("text", text).query(String.class).single();
        List<String> words = java.util.Arrays.stream(folded.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+"))
                .filter(w -> w.length() > 3).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(8).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return Inbox.bindScope(jdbc.sql("""
                WITH q AS (SELECT to_tsquery('simple', :query) AS query),
                -- the most recent matches only: ranking every message that shares a common word would not scale
                recent AS (SELECT m.question_id, m.body, m.words FROM question_message m, q
                           WHERE m.kind = 'CITIZEN' AND m.words @@ q.query AND m.question_id <> :id
                           ORDER BY m.id DESC LIMIT 2000)
                SELECT qu.code, left(r.body, 300) AS asked,
                       (SELECT left(a.body, 600) FROM question_message a
                        WHERE a.question_id = qu.id AND a.kind = 'ANSWER' ORDER BY a.id DESC LIMIT 1) AS answered
                FROM recent r JOIN question qu ON qu.id = r.question_id, q
                WHERE qu.anonymised_at IS NULL AND NOT qu.protection -- a protection case is need-to-know
                """ + Inbox.visible(scope, "qu.") + """
                  AND EXISTS (SELECT 1 FROM question_message a WHERE a.question_id = qu.id AND a.kind = 'ANSWER')
                ORDER BY ts_rank(r.words, q.query) DESC, qu.id DESC
                LIMIT :limit
                """), scope).param("query", TextQuery.anyOf(words)).param("id", questionId).param("limit", limit)
                .query((rs, n) -> new QuestionRecords.Similar(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
