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
import it.comune.immigrati.questions.internal.QuestionRecords.Kind;
import it.comune.immigrati.questions.internal.QuestionRecords.Message;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionRecords.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of a question, its messages and their attachments. The inbox ({@link Inbox}), similar answers
 * ({@link SimilarAnswers}) and who is looking ({@link ColleagueViews}) read the same tables in classes of their own.
 */
@Repository
public class QuestionStore {

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

    public Optional<Question> byId(long id) {
        return jdbc.sql("SELECT " + QUESTION_COLUMNS + " FROM question WHERE id = :id").param("id", id)
                .query(QuestionStore::question).optional();
    }

    public Optional<Question> byCode(String code) {
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

    /** Questions still to be worked on that are assigned to {@code username}. */
    long openAssignedTo(String username) {
        return jdbc.sql("SELECT count(*) FROM question WHERE assigned_to = :u AND status IN ('NEW', 'OPEN', 'WAITING')")
                .param("u", username).query(Long.class).single();
    }

    /** Questions past their reply date, not yet answered: assigned to {@code username}, or anyone's when null. */
    long overdue(String username) {
        return jdbc.sql("""
                SELECT count(*) FROM question
                WHERE status IN ('NEW', 'OPEN') AND due_at < now() AND NOT spam
                  AND (CAST(:u AS text) IS NULL OR assigned_to = :u)
                """).param("u", username).query(Long.class).single();
    }

    void setMailMessageId(long messageId, String mailMessageId) {
        jdbc.sql("UPDATE question_message SET mail_message_id = :mailId, updated_at = now() WHERE id = :id")
                .param("mailId", mailMessageId).param("id", messageId).update();
    }

    /** Streams the file to PostgreSQL (after a first pass for its hash): never a whole copy in memory. */
    void addAttachment(long messageId, NewAttachment attachment) {
        try (java.io.InputStream content = attachment.content().open()) {
            jdbc.sql("""
                    INSERT INTO question_attachment (message_id, file_name, content_type, size_bytes, sha256, content)
                    VALUES (:message, :name, :type, :size, :sha, :content)
                    """).param("message", messageId).param("name", attachment.fileName())
                    .param("type", attachment.contentType()).param("size", attachment.size())
                    .param("sha", sha256(attachment.content()))
                    .param("content", new org.springframework.jdbc.core.support.SqlBinaryValue(content, attachment.size())).update();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(QuestionRecords.Content content) throws java.io.IOException {
        java.security.MessageDigest digest = Secrets.sha256Digest();
        try (java.io.InputStream in = new java.security.DigestInputStream(content.open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    public List<Message> thread(long questionId, boolean withNotes) {
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

    public record AttachmentContent(String fileName, String contentType, byte[] content) {
    }

    public Optional<AttachmentContent> attachment(long questionId, long attachmentId) {
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

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
