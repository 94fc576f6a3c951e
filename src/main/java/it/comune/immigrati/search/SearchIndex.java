package it.comune.immigrati.search;

import java.time.Instant;

import it.comune.immigrati.site.Language;

/** Where modules publish what the public may find. Call inside the transaction that publishes the content. */
public interface SearchIndex {

    /** Adds or replaces the document of this kind, key and language. */
    void put(Document document);

    /** Removes every language of a document (unpublished or deleted). */
    void remove(String kind, String ref);

    /** Removes one language of a document (that translation was withdrawn). */
    void remove(String kind, String ref, Language language);

    /**
     * @param kind        what it is: {@code faq}, {@code guide}, ...
     * @param ref         its key within the kind (a slug)
     * @param summary     one or two sentences shown under the title
     * @param body        the full text, without markup
     * @param url         where the public reads it
     * @param topic       its topic code, for filtering
     * @param publishedAt when it was last published; newer ranks a little higher
     */
    record Document(String kind, String ref, Language language, String title, String summary, String body,
            String url, String topic, Instant publishedAt) {
    }
}
