package it.comune.immigrati.questions.internal.faq;

import java.time.Instant;
import java.util.List;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;

/** FAQ as pages show them. */
public final class FaqRecords {

    private FaqRecords() {
    }

    public record Faq(long id, String slug, String topic, String status, String sourceQuestion, Instant publishedAt,
            Instant updatedAt, List<FaqText> texts) {

        public FaqText text(Language language) {
            return texts.stream().filter(t -> t.language() == language).findFirst().orElse(null);
        }

        /** The text the editors' list names it by: the Italian, the reference, else the first there is; null if none. */
        public FaqText reference() {
            FaqText italian = text(Language.DEFAULT);
            return italian != null || texts.isEmpty() ? italian : texts.get(0);
        }

        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    /** @param unreviewed a translation prepared without review by the office (the Italian is the reference) */
    public record FaqText(Language language, String question, String answer, Instant updatedAt, boolean unreviewed) {

        /**
         * The answer rendered when a page shows it, not when it is loaded: the FAQ list loads every FAQ
         * and shows only questions (rendering 10,000 answers per list made the bench run out of memory).
         */
        public String answerHtml() {
            return Markdown.toSafeHtml(answer);
        }
    }

    /** A FAQ in the visitor's language, or in Italian when it has no translation. */
    public record ShownFaq(Faq faq, FaqText text, boolean fallback) {
    }
}
