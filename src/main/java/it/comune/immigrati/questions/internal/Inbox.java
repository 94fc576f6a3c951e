package it.comune.immigrati.questions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.questions.internal.QuestionRecords.InboxCounts;
import it.comune.immigrati.questions.internal.QuestionRecords.InboxRow;
import it.comune.immigrati.questions.internal.QuestionRecords.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static it.comune.immigrati.questions.internal.QuestionStore.instant;

/** The staff inbox: one page of a view, filtered and searched, and the count of each view. */
@Repository
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inbox filters: a view, a topic and a language (empty: any), a search text, and a page's cursor. */
    record Query(InboxView view, String topic, String language, String text, String username, Instant before,
            Long beforeId, int limit, NeedToKnow.Scope scope) {

        /** The whole office's inbox, for its own jobs and tests of the queries. */
        Query(InboxView view, String topic, String language, String text, String username, Instant before,
                Long beforeId, int limit) {
            this(view, topic, language, text, username, before, beforeId, limit, NeedToKnow.Scope.OFFICE);
        }
    }

    /** The questions a scope may see (see {@link NeedToKnow}), as SQL on the table aliased {@code alias}. */
    static String visible(NeedToKnow.Scope scope, String alias) {
        String clause = "";
        if (!scope.protection()) {
            clause += " AND (NOT " + alias + "protection OR " + alias + "assigned_to = :viewer)";
        }
        if (scope.languages() != null) {
            clause += " AND (" + alias + "assigned_to = :viewer OR " + alias + "language = ANY(:viewerLanguages))";
        }
        return clause;
    }

    static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec statement, NeedToKnow.Scope scope) {
        statement = statement.param("viewer", scope.username());
        return scope.languages() == null ? statement
                : statement.param("viewerLanguages", scope.languages().toArray(String[]::new));
    }

    /** Newest questions in which a text search looks first (see {@link #page}). */
    private static final int SEARCH_WINDOW = 2_000;

    /**
     * One page of the inbox. A search for a word of the text is answered in two ways: a common word is
     * found among the newest questions by checking each one's messages, newest first; only when that
     * window does not fill the page is every matching message found through the trigram index (which, for
     * a common word, means reading thousands of messages: 0.5 s at 100,000 questions).
     */
    List<InboxRow> page(Query query) {
        boolean wordSearch = !query.text().isEmpty() && !QuestionCode.valid(query.text()) && !query.text().contains("@");
        if (wordSearch) {
            List<InboxRow> recent = page(query, true);
            if (recent.size() >= query.limit()) {
                return recent;
            }
        }
        return page(query, false);
    }

    private List<InboxRow> page(Query query, boolean recentOnly) {
        StringBuilder where = new StringBuilder("WHERE true");
        where.append(" AND ").append(query.view().condition("q."));
        boolean spamView = query.view() == InboxView.SPAM;
        if (!spamView) {
            where.append(" AND NOT q.spam");
        }
        if (!query.topic().isEmpty()) {
            where.append(" AND q.topic = :topic");
        }
        if (!query.language().isEmpty()) {
            where.append(" AND q.language = :language");
        }
        String cursor = query.before() == null ? "" : " AND (last_message_at, id) < (:before, :beforeId)";
        if (!query.text().isEmpty()) {
            // the shape of what was typed picks the one index that can answer it
            if (QuestionCode.valid(query.text())) {
                where.append(" AND q.code = :code");
            } else if (query.text().contains("@")) {
                where.append(" AND lower(q.email) = lower(:text)");
            } else if (recentOnly) {
                // a scalar subquery is checked row by row, newest first, and stops at the first match
                where.append(" AND q.id IN (SELECT id FROM question WHERE " + (spamView ? "spam" : "NOT spam") + cursor
                        + " ORDER BY last_message_at DESC, id DESC LIMIT " + SEARCH_WINDOW + ")"
                        + " AND (q.name ILIKE '%' || :text || '%' OR coalesce((SELECT true FROM question_message m"
                        + " WHERE m.question_id = q.id AND m.body ILIKE '%' || :text || '%' LIMIT 1), false))");
            } else {
                where.append(" AND (q.name ILIKE '%' || :text || '%' OR EXISTS (SELECT 1 FROM question_message m"
                        + " WHERE m.question_id = q.id AND m.body ILIKE '%' || :text || '%'))");
            }
        }
        if (query.before() != null) {
            where.append(" AND (q.last_message_at, q.id) < (:before, :beforeId)");
        }
        where.append(visible(query.scope(), "q."));
        var statement = jdbc.sql("""
                SELECT q.id, q.code, q.email, q.name, q.language, q.topic, q.status, q.assigned_to, q.protection,
                       q.due_at, q.last_message_at,
                       (SELECT left(m.body, 160) FROM question_message m
                        WHERE m.question_id = q.id AND m.kind = 'CITIZEN' ORDER BY m.id LIMIT 1) AS excerpt
                FROM question q
                """ + where + " ORDER BY q.last_message_at DESC, q.id DESC LIMIT :limit")
                .param("user", query.username()).param("limit", query.limit());
        statement = bindScope(statement, query.scope());
        if (!query.topic().isEmpty()) {
            statement = statement.param("topic", query.topic());
        }
        if (!query.language().isEmpty()) {
            statement = statement.param("language", query.language());
        }
        if (!query.text().isEmpty()) {
            statement = statement.param("text", query.text());
            Optional<QuestionCode> code = QuestionCode.parse(query.text());
            if (code.isPresent()) {
                statement = statement.param("code", code.get().toString());
            }
        }
        if (query.before() != null) {
            statement = statement.param("before", Timestamp.from(query.before())).param("beforeId", query.beforeId());
        }
        return statement.query((rs, n) -> new InboxRow(rs.getLong("id"), rs.getString("code"), rs.getString("email"),
                rs.getString("name"), rs.getString("language"), rs.getString("topic"),
                Status.valueOf(rs.getString("status")), rs.getString("assigned_to"), rs.getBoolean("protection"),
                instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("last_message_at")), rs.getString("excerpt")))
                .list();
    }

    /** Each count from its own index (spam questions are always closed, so only "closed" needs to exclude them). */
    InboxCounts counts(String username) {
        return counts(username, NeedToKnow.Scope.OFFICE);
    }

    /** The counts of what {@code scope} may see: a count must not tell of questions one may not open. */
    InboxCounts counts(String username, NeedToKnow.Scope scope) {
        String visible = visible(scope, "");
        // spam questions are always closed, so only the closed count needs to leave them out
        String counted = String.join(",\n", java.util.stream.Stream.of(InboxView.COUNTED)
                .map(view -> "(SELECT count(*) FROM question WHERE " + view.condition("")
                        + (view == InboxView.CLOSED ? " AND NOT spam" : "") + visible + ")").toList());
        return bindScope(jdbc.sql("SELECT " + counted), scope).param("user", username).query((rs, n) -> new InboxCounts(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))).single();
    }
}
