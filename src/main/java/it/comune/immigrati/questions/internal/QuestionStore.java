package it.comune.immigrati.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.questions.internal.QuestionRecords.Attachment;
import it.comune.immigrati.questions.internal.QuestionRecords.InboxCounts;
import it.comune.immigrati.questions.internal.QuestionRecords.InboxRow;
import it.comune.immigrati.questions.internal.QuestionRecords.Kind;
import it.comune.immigrati.questions.internal.QuestionRecords.Message;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionRecords.Status;
import it.comune.immigrati.search.TextQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The desk's tables. */
@Repository
class QuestionStore {

    private static final String QUESTION_COLUMNS = """
            id, code, access_token, email, name, language, topic, channel, status, assigned_to, protection,
            publish_consent, due_at, last_message_at, rating, rating_comment, closed_at, created_at""";

    private final JdbcClient jdbc;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewQuestion(UUID submissionKey, String email, String name, String language, String topic, Channel channel,
            boolean publishConsent, Instant dueAt) {
    }

    /**
     * Stores a question, or returns the one already stored under the same submission key from the same
     * address. The key comes from the client, so anyone may repeat it: a repeat from another address is
     * refused ({@link QuestionDesk.KeyTaken}), or it would hand over someone else's question and private link.
     */
    Question insert(NewQuestion question, String code, String accessToken) {
        Optional<Long> id = jdbc.sql("""
                INSERT INTO question (code, access_token, submission_key, email, name, language, topic, channel,
                                      publish_consent, privacy_consent_at, due_at)
                VALUES (:code, :token, :key, :email, :name, :language, :topic, :channel, :publish, now(), :due)
                ON CONFLICT (submission_key) DO NOTHING
                RETURNING id
                """).param("code", code).param("token", accessToken).param("key", question.submissionKey())
                .param("email", question.email()).param("name", question.name()).param("language", question.language())
                .param("topic", question.topic()).param("channel", question.channel().name())
                .param("publish", question.publishConsent()).param("due", Timestamp.from(question.dueAt()))
                .query(Long.class).optional();
        if (id.isPresent()) {
            return byId(id.get()).orElseThrow();
        }
        Question first = bySubmissionKey(question.submissionKey()).orElseThrow();
        if (!sameAddress(first.email(), question.email())) {
            throw new QuestionDesk.KeyTaken();
        }
        return first;
    }

    private static boolean sameAddress(String one, String other) {
        return one.strip().toLowerCase(java.util.Locale.ROOT).equals(other.strip().toLowerCase(java.util.Locale.ROOT));
    }

    long nextNumber() {
        return jdbc.sql("SELECT nextval('question_number')").query(Long.class).single();
    }

    Optional<Question> byId(long id) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS + " FROM question WHERE id = :id").param("id", id)
                .query(QuestionStore::question).optional();
    }

    Optional<Question> byCode(String code) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS + " FROM question WHERE code = :code").param("code", code)
                .query(QuestionStore::question).optional();
    }

    Optional<Question> byToken(String token) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS + " FROM question WHERE access_token = :token")
                .param("token", token).query(QuestionStore::question).optional();
    }

    private Optional<Question> bySubmissionKey(UUID key) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS + " FROM question WHERE submission_key = :key").param("key", key)
                .query(QuestionStore::question).optional();
    }

    /** Answered questions whose residents used the same words (any language, accents folded), best first. */
    List<QuestionRecords.Similar> similarAnswered(long questionId, String text, int limit) {
        // folded first, then cut into letters and digits: folding a built query can make syntax of it (ŉ → 'n)
        String folded = jdbc.sql("SELECT unaccent(:text)").param("text", text).query(String.class).single();
        List<String> words = java.util.Arrays.stream(folded.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 3).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(8).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
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
                  AND EXISTS (SELECT 1 FROM question_message a WHERE a.question_id = qu.id AND a.kind = 'ANSWER')
                ORDER BY ts_rank(r.words, q.query) DESC, qu.id DESC
                LIMIT :limit
                """).param("query", TextQuery.anyOf(words)).param("id", questionId).param("limit", limit)
                .query((rs, n) -> new QuestionRecords.Similar(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<Question> othersFrom(String email, long exceptId) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS
                + " FROM question WHERE lower(email) = lower(:email) AND id <> :id ORDER BY created_at DESC LIMIT 20")
                .param("email", email).param("id", exceptId).query(QuestionStore::question).list();
    }

    long addMessage(long questionId, Kind kind, String author, String body, String mailMessageId) {
        long id = jdbc.sql("""
                INSERT INTO question_message (question_id, kind, author, body, mail_message_id, words)
                VALUES (:question, :kind, :author, :body, :mailId,
                        CASE WHEN :kind = 'CITIZEN' THEN to_tsvector('simple', unaccent(:body)) END) RETURNING id
                """).param("question", questionId).param("kind", kind.name()).param("author", author)
                .param("body", body).param("mailId", mailMessageId).query(Long.class).single();
        if (kind != Kind.NOTE) {
            jdbc.sql("UPDATE question SET last_message_at = now(), updated_at = now() WHERE id = :id")
                    .param("id", questionId).update();
        }
        return id;
    }

    void setMailMessageId(long messageId, String mailMessageId) {
        jdbc.sql("UPDATE question_message SET mail_message_id = :mailId, updated_at = now() WHERE id = :id")
                .param("mailId", mailMessageId).param("id", messageId).update();
    }

    void addAttachment(long messageId, NewAttachment attachment) {
        jdbc.sql("""
                INSERT INTO question_attachment (message_id, file_name, content_type, size_bytes, sha256, content)
                VALUES (:message, :name, :type, :size, :sha, :content)
                """).param("message", messageId).param("name", attachment.fileName())
                .param("type", attachment.contentType()).param("size", attachment.content().length)
                .param("sha", Secrets.sha256(attachment.content())).param("content", attachment.content()).update();
    }

    List<Message> thread(long questionId, boolean withNotes) {
        Map<Long, List<Attachment>> attachments = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.id, a.message_id, a.file_name, a.content_type, a.size_bytes
                FROM question_attachment a JOIN question_message m ON m.id = a.message_id
                WHERE m.question_id = :question ORDER BY a.id
                """).param("question", questionId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list().forEach(a -> attachments.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        return jdbc.sql("""
                SELECT id, kind, author, body, mail_message_id, created_at FROM question_message
                WHERE question_id = :question AND (:notes OR kind <> 'NOTE') ORDER BY id
                """).param("question", questionId).param("notes", withNotes)
                .query((rs, n) -> new Message(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
                        attachments.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    record AttachmentContent(String fileName, String contentType, byte[] content) {
    }

    Optional<AttachmentContent> attachment(long questionId, long attachmentId) {
        return jdbc.sql("""
                SELECT a.file_name, a.content_type, a.content
                FROM question_attachment a JOIN question_message m ON m.id = a.message_id
                WHERE a.id = :id AND m.question_id = :question AND m.kind <> 'NOTE'
                """).param("id", attachmentId).param("question", questionId)
                .query((rs, n) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    void setStatus(long id, Status status) {
        jdbc.sql("""
                UPDATE question SET status = :status, updated_at = now(),
                       closed_at = CASE WHEN :status = 'CLOSED' THEN now() ELSE NULL END
                WHERE id = :id
                """).param("status", status.name()).param("id", id).update();
    }

    void assign(long id, String username) {
        jdbc.sql("""
                UPDATE question SET assigned_to = :user, updated_at = now(),
                       status = CASE WHEN status = 'NEW' AND :user IS NOT NULL THEN 'OPEN' ELSE status END
                WHERE id = :id
                """).param("user", username).param("id", id).update();
    }

    void markProofOfWork(long id) {
        jdbc.sql("UPDATE question SET proof_of_work = true WHERE id = :id").param("id", id).update();
    }

    void markSpam(long id) {
        jdbc.sql("UPDATE question SET spam = true, status = 'CLOSED', closed_at = now(), updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    /** Moves every message of {@code source} to {@code target} and closes the source as merged. */
    void merge(long source, long target, String targetCode) {
        jdbc.sql("UPDATE question_message SET question_id = :target, updated_at = now() WHERE question_id = :source")
                .param("target", target).param("source", source).update();
        jdbc.sql("""
                UPDATE question SET merged_into = :code, status = 'CLOSED', closed_at = now(), updated_at = now()
                WHERE id = :source""").param("code", targetCode).param("source", source).update();
        jdbc.sql("UPDATE question SET last_message_at = now(), updated_at = now() WHERE id = :target")
                .param("target", target).update();
    }

    void setProtection(long id, boolean protection) {
        jdbc.sql("UPDATE question SET protection = :p, updated_at = now() WHERE id = :id")
                .param("p", protection).param("id", id).update();
    }

    void rate(long id, int rating, String comment) {
        jdbc.sql("UPDATE question SET rating = :rating, rating_comment = :comment, updated_at = now() WHERE id = :id")
                .param("rating", rating).param("comment", comment).param("id", id).update();
    }

    void markViewed(long questionId, String username) {
        jdbc.sql("""
                INSERT INTO question_view (question_id, username) VALUES (:q, :u)
                ON CONFLICT (question_id, username) DO UPDATE SET seen_at = now()
                """).param("q", questionId).param("u", username).update();
    }

    List<String> colleaguesViewing(long questionId, String username, java.time.Duration window) {
        return jdbc.sql("""
                SELECT username FROM question_view
                WHERE question_id = :q AND username <> :u AND seen_at > now() - make_interval(secs => :window)
                ORDER BY username
                """).param("q", questionId).param("u", username).param("window", (double) window.toSeconds())
                .query(String.class).list();
    }

    /** Inbox filters; {@code view} is one of new, mine, waiting, answered, closed, overdue, protection, open. */
    record InboxQuery(String view, String topic, String language, String text, String username, Instant before,
            Long beforeId, int limit, NeedToKnow.Scope scope) {

        /** The whole office's inbox, for its own jobs and tests of the queries. */
        InboxQuery(String view, String topic, String language, String text, String username, Instant before,
                Long beforeId, int limit) {
            this(view, topic, language, text, username, before, beforeId, limit, NeedToKnow.Scope.OFFICE);
        }
    }

    /** The questions a scope may see (see {@link NeedToKnow}), as SQL on the table aliased {@code alias}. */
    private static String visible(NeedToKnow.Scope scope, String alias) {
        String clause = "";
        if (!scope.protection()) {
            clause += " AND (NOT " + alias + "protection OR " + alias + "assigned_to = :viewer)";
        }
        if (scope.languages() != null) {
            clause += " AND (" + alias + "assigned_to = :viewer OR " + alias + "language = ANY(:viewerLanguages))";
        }
        return clause;
    }

    private static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec statement, NeedToKnow.Scope scope) {
        statement = statement.param("viewer", scope.username());
        return scope.languages() == null ? statement
                : statement.param("viewerLanguages", scope.languages().toArray(String[]::new));
    }

    /** Newest questions in which a text search looks first (see {@link #inbox}). */
    private static final int SEARCH_WINDOW = 2_000;

    /**
     * One page of the inbox. A search for a word of the text is answered in two ways: a common word is
     * found among the newest questions by checking each one's messages, newest first; only when that
     * window does not fill the page is every matching message found through the trigram index (which, for
     * a common word, means reading thousands of messages: 0.5 s at 100,000 questions).
     */
    List<InboxRow> inbox(InboxQuery query) {
        boolean wordSearch = !query.text().isEmpty() && !QuestionCode.valid(query.text()) && !query.text().contains("@");
        if (wordSearch) {
            List<InboxRow> recent = inbox(query, true);
            if (recent.size() >= query.limit()) {
                return recent;
            }
        }
        return inbox(query, false);
    }

    private List<InboxRow> inbox(InboxQuery query, boolean recentOnly) {
        StringBuilder where = new StringBuilder("WHERE true");
        switch (query.view()) {
            case "new" -> where.append(" AND q.status = 'NEW'");
            case "mine" -> where.append(" AND q.assigned_to = :user AND q.status <> 'CLOSED'");
            case "waiting" -> where.append(" AND q.status = 'WAITING'");
            case "answered" -> where.append(" AND q.status = 'ANSWERED'");
            case "closed" -> where.append(" AND q.status = 'CLOSED'");
            case "overdue" -> where.append(" AND q.status IN ('NEW', 'OPEN') AND q.due_at < now()");
            case "protection" -> where.append(" AND q.protection AND q.status <> 'CLOSED'");
            case "spam" -> where.append(" AND q.spam");
            default -> where.append(" AND q.status <> 'CLOSED'");
        }
        boolean spamView = "spam".equals(query.view());
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
        return bindScope(jdbc.sql("""
                SELECT (SELECT count(*) FROM question WHERE status = 'NEW'%1$s),
                       (SELECT count(*) FROM question WHERE assigned_to = :user AND status <> 'CLOSED'%1$s),
                       (SELECT count(*) FROM question WHERE status = 'WAITING'%1$s),
                       (SELECT count(*) FROM question WHERE status = 'ANSWERED'%1$s),
                       (SELECT count(*) FROM question WHERE status = 'CLOSED' AND NOT spam%1$s),
                       (SELECT count(*) FROM question WHERE status IN ('NEW', 'OPEN') AND due_at < now()%1$s),
                       (SELECT count(*) FROM question WHERE protection AND status <> 'CLOSED'%1$s)
                """.formatted(visible)), scope).param("user", username).query((rs, n) -> new InboxCounts(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))).single();
    }

    static Question question(ResultSet rs, int row) throws SQLException {
        int ratingValue = rs.getInt("rating");
        Integer rating = rs.wasNull() ? null : ratingValue;
        return new Question(rs.getLong("id"), rs.getString("code"), rs.getString("access_token"), rs.getString("email"),
                rs.getString("name"), rs.getString("language"), rs.getString("topic"), Channel.valueOf(rs.getString("channel")),
                Status.valueOf(rs.getString("status")), rs.getString("assigned_to"), rs.getBoolean("protection"),
                rs.getBoolean("publish_consent"), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("last_message_at")), rating,
                rs.getString("rating_comment"), instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
