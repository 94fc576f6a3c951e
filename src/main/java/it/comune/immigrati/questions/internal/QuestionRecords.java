package it.comune.immigrati.questions.internal;

import java.time.Instant;
import java.util.List;

/** The shapes the desk's pages show. Public because the precompiled templates live in another package. */
public final class QuestionRecords {

    private QuestionRecords() {
    }

    public enum Status {
        NEW, OPEN, WAITING, ANSWERED, CLOSED;

        boolean awaitsTheOffice() {
            return this == NEW || this == OPEN;
        }
    }

    public enum Kind {
        CITIZEN, ANSWER, NOTE
    }

    public record Question(long id, String code, String accessToken, String email, String name, String language,
            String topic, Channel channel, Status status, String assignedTo, boolean protection, boolean publishConsent,
            Instant dueAt, Instant lastMessageAt, Integer rating, String ratingComment, Instant closedAt,
            Instant createdAt) {

        public boolean overdue() {
            return status.awaitsTheOffice() && dueAt.isBefore(Instant.now());
        }

        public boolean closed() {
            return status == Status.CLOSED;
        }
    }

    public record Attachment(long id, long messageId, String fileName, String contentType, int sizeBytes) {

        public String size() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    public record Message(long id, Kind kind, String author, String body, String mailMessageId, Instant createdAt,
            List<Attachment> attachments) {
    }

    public record InboxRow(long id, String code, String email, String name, String language, String topic,
            Status status, String assignedTo, boolean protection, Instant dueAt, Instant lastMessageAt, String excerpt) {

        public boolean overdue() {
            return status.awaitsTheOffice() && dueAt.isBefore(Instant.now());
        }
    }

    public record InboxCounts(long newQuestions, long mine, long waiting, long answered, long closed, long overdue,
            long protection) {
    }

    /** An answered question like the one being answered: what was asked and the office's last answer. */
    public record Similar(String code, String asked, String answered) {
    }

    /** A model answer kept by supervisors; placeholders are filled in for each question. */
    public record CannedAnswer(long id, String topic, String language, String title, String body) {
    }

    /**
     * A file to store with a message. Its bytes are read as a stream when it is stored (from the upload's
     * temporary file, or from an e-mail part spooled to disk), never held whole in memory.
     */
    public record NewAttachment(String fileName, String contentType, long size, Content content) {

        public static NewAttachment of(String fileName, String contentType, byte[] bytes) {
            return new NewAttachment(fileName, contentType, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
        }
    }

    /** Where a file's bytes come from; each call opens them anew. */
    @FunctionalInterface
    public interface Content {
        java.io.InputStream open() throws java.io.IOException;
    }
}
