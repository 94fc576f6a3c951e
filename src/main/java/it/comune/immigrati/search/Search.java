package it.comune.immigrati.search;

import java.util.List;

import it.comune.immigrati.site.Language;

/** Queries the site's search index in one language. */
public interface Search {

    /**
     * Finds documents in {@code language} matching {@code text}: words analysed for that language (stemmed,
     * lemmatised or segmented), accents folded, the editors' synonyms, the last word also as a prefix (still
     * being typed); near spellings when the words find nothing.
     *
     * @param kinds empty for every kind
     * @param topic null for every topic
     */
    default Results search(String text, Language language, List<String> kinds, String topic, int limit) {
        return search(text, language, kinds, topic, 0, limit);
    }

    /** One page of the results: {@code limit} of them after the first {@code offset}. */
    Results search(String text, Language language, List<String> kinds, String topic, int offset, int limit);

    /** The newest documents of one kind on one topic in {@code language}: "related" lists. */
    List<Hit> newest(String kind, String topic, Language language, int limit);

    /** Records a query that found nothing, for editors (not done for suggestions while typing). */
    void recordMiss(String text, Language language);

    record Hit(String kind, String ref, String title, String summary, String url, String topic,
            /** the best passage with the matching words in {@code <mark>}; already HTML-escaped */
            String snippetHtml) {
    }

    /**
     * @param approximate the words as written found nothing: these are for near spellings or fewer words
     * @param correction  the words that were searched instead ("did you mean"), or null
     * @param more        there are results after these
     */
    record Results(List<Hit> hits, boolean approximate, String correction, boolean more) {

        public Results(List<Hit> hits, boolean approximate) {
            this(hits, approximate, null, false);
        }
    }
}
