package it.comune.immigrati.guides.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;

/** Guides as the pages and the editors see them. */
public final class GuideRecords {

    private GuideRecords() {
    }

    /** The life situations the public list is organised by. */
    public static final List<String> SITUATIONS = List.of("appena-arrivato", "famiglia", "lavoro", "scuola", "salute", "casa");

    public record Guide(long id, String slug, String topic, List<String> situations, List<String> related,
            LocalDate reviewBy, LocalDate lastReviewed, Instant updatedAt) {

        public boolean reviewOverdue(LocalDate today) {
            return reviewBy != null && reviewBy.isBefore(today);
        }
    }

    /** An official source: a law, a ministry page; {@code checked} is when an editor last verified it. */
    public record Source(String title, String url, LocalDate checked) {
    }

    /** What an editor writes for one language. */
    public record Text(String title, String summary, String body, List<Source> sources) {
    }

    /** One saved text, never changed afterwards. */
    /** @param unreviewed a translation prepared without review: shown with a notice until someone checks it */
    public record Version(long id, long guideId, Language language, int number, Text text, String author, String note,
            Long basedOn, Instant createdAt, boolean unreviewed) {
    }

    public enum State {
        DRAFT, IN_REVIEW, PUBLISHED
    }

    /** The editorial state of one language of a guide. */
    public record Translation(long guideId, Language language, State state, long workingVersionId,
            Long publishedVersionId, String submittedBy, String approvedBy, Instant publishedAt) {

        public boolean live() {
            return publishedVersionId != null;
        }

        /** The working text differs from what the public sees. */
        public boolean pendingChanges() {
            return publishedVersionId == null || publishedVersionId != workingVersionId;
        }
    }

    /** A guide in a list: its title and summary in the visitor's language, or in Italian. */
    public record Card(String slug, String topic, List<String> situations, Language language, String title,
            String summary) {
    }

    /** A guide page: the visitor's language, or Italian with {@code fallback} set. */
    /** @param stale the translation was made from an Italian text that has changed since */
    public record Shown(Guide guide, Version version, Markdown.Sections rendered, boolean fallback, boolean stale, boolean unreviewed,
            Instant publishedAt, List<Card> related, List<Search.Hit> relatedFaq) {
    }

    /** A text sent for approval: what the reviewers' list shows. */
    public record Pending(long guideId, String slug, Language language, String title, String author, String submittedBy,
            Instant submittedAt) {

        public boolean mayBeApprovedBy(String staff, boolean fourEyes) {
            return GuideWorkflow.mayApprove(staff, author, submittedBy, fourEyes);
        }
    }

    /** One cell of the editors' coverage table. */
    public record Coverage(State state, boolean live, boolean stale, boolean unreviewed) {
    }

    /** One row of the coverage table. */
    public record CoverageRow(Guide guide, String title, Map<Language, Coverage> languages) {

        public Coverage in(Language language) {
            return languages.get(language);
        }
    }

    /** One line of a diff, with how it changed: {@code +}, {@code -}, {@code @} (a hunk header) or blank. */
    public record DiffLine(char change, String text) {
    }

    /** How clear readers found a guide. */
    public record FeedbackSummary(int answers, double averageRating, Map<String, Integer> reasons) {
    }
}
