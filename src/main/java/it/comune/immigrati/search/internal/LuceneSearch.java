package it.comune.immigrati.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.Poller;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The site search on this node's Lucene index. A query is tried as written (every word, or its synonym,
 * must match), then with its last word as a prefix (still being typed); if that finds nothing and every unknown word has a near spelling in the documents of that
 * language, with those ("did you mean"); if that finds nothing either, loosely (half of the terms, as
 * written or corrected, or a synonym; see {@link QueryPlan#loose}). The last two are marked approximate.
 */
final class LuceneSearch implements Search {

    private final LuceneIndex index;
    private final IndexFollower follower;
    private final Poller following;
    private final Synonyms synonyms;
    private final SearchStore store;
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    LuceneSearch(LuceneIndex index, IndexFollower follower, Poller following, Synonyms synonyms, SearchStore store) {
        this.index = index;
        this.follower = follower;
        this.following = following;
        this.synonyms = synonyms;
        this.store = store;
    }

    @Override
    public Results search(String text, Language language, List<String> kinds, String topic, int offset, int limit) {
        if (!follower.started()) {
            following.runOnce(); // a search before the follower's first run
        }
        QueryPlan plan = plan(text, language);
        Query exact = plan.query(required(plan.clauses()));
        if (exact == null) {
            return new Results(List.of(), false);
        }
        IndexSearcher searcher = index.acquire();
        try {
            Page page = new Page(offset, limit);
            Found found = run(searcher, exact, plan.highlight(null), language, kinds, topic, page);
            if (!found.any()) {
                // the last word may still be being typed ("rinn")
                found = run(searcher, plan.query(required(plan.clauses()), true), plan.highlight(null), language, kinds, topic, page);
            }
            if (found.any()) {
                return new Results(found.hits(), false, null, found.more());
            }
            List<String> corrections = corrections(plan, language, searcher.getIndexReader());
            if (corrections.stream().anyMatch(java.util.Objects::nonNull) && complete(plan, corrections, language, searcher)) {
                String corrected = corrected(plan, corrections);
                QueryPlan near = plan(corrected, language);
                Query query = near.query(required(near.clauses()));
                found = query == null ? Found.NONE : run(searcher, query, near.highlight(null), language, kinds, topic, page);
                if (found.any()) {
                    return new Results(found.hits(), true, shown(plan, corrections, found.hits(), language), found.more());
                }
            }
            Query loose = plan.loose(corrections);
            found = loose == null ? Found.NONE : run(searcher, loose, plan.highlight(corrections), language, kinds, topic, page);
            return new Results(found.hits(), true, null, found.more());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private record Page(int offset, int limit) {
    }

    /** One page of a query's hits; {@code any} is whether the query matched at all, on this page or before it. */
    private record Found(List<Hit> hits, boolean more, boolean any) {
        static final Found NONE = new Found(List.of(), false, false);
    }

    /**
     * How many of a query's words (or synonym runs) a document must match: all of one or two, all but
     * one of more, ranked by how many and how rare. A resident's third or fourth word is often one the
     * right guide does not use.
     */
    static int required(int clauses) {
        return clauses <= 2 ? clauses : clauses - 1;
    }

    private QueryPlan plan(String text, Language language) {
        return new QueryPlan(text, language, index.analysis(), synonyms.of(language));
    }

    /**
     * For each word of the query that no document of the language has as written, the nearest word that
     * some have (edit distance up to 2), or null; null too for known words and words the synonym list
     * covers. ("famigliare" becomes "familiare" though some document has a word stemmed "famigliar".)
     */
    private List<String> corrections(QueryPlan plan, Language language, IndexReader reader) throws IOException {
        String field = LanguageAnalysis.WORDS + language.code();
        boolean[] synonym = plan.coveredBySynonyms();
        List<String> corrections = new ArrayList<>();
        for (int i = 0; i < plan.words().size(); i++) {
            String word = plan.words().get(i).folded();
            String correction = null;
            if (!synonym[i] && reader.docFreq(new Term(field, word)) == 0) {
                SuggestWord[] near = spelling.suggestSimilar(new Term(field, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                correction = near.length > 0 ? near[0].string : null;
            }
            corrections.add(correction);
        }
        return corrections;
    }

    /** Whether every word is known, covered by a synonym or corrected: only then is there a "did you mean". */
    private boolean complete(QueryPlan plan, List<String> corrections, Language language, IndexSearcher searcher)
            throws IOException {
        boolean[] synonym = plan.coveredBySynonyms();
        for (int i = 0; i < corrections.size(); i++) {
            if (corrections.get(i) == null && !synonym[i] && unknown(plan.words().get(i), language, searcher.getIndexReader())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word no document of the language has, neither as written nor in any form its analysis joins to
     * it: "للجنسيه" is known through "الجنسية", "permeso" is not.
     */
    private boolean unknown(QueryPlan.Word word, Language language, IndexReader reader) throws IOException {
        if (reader.docFreq(new Term(LanguageAnalysis.WORDS + language.code(), word.folded())) > 0) {
            return false;
        }
        for (String term : LanguageAnalysis.terms(index.analysis().text(language), word.written())) {
            if (reader.docFreq(new Term(LanguageAnalysis.ALL + language.code(), term)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern MARKED = java.util.regex.Pattern.compile("<mark>(.*?)</mark>");

    /**
     * The corrected query as the page shows it: the resident's own words where they were kept, and each
     * correction as a document writes it (a marked word of the results that folds to it), not as folded
     * in the index: "الإقامة", not "الاقامه".
     */
    private String shown(QueryPlan plan, List<String> corrections, List<Hit> hits, Language language) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            String correction = corrections.get(i);
            if (correction == null) {
                words.add(plan.words().get(i).written());
                continue;
            }
            String written = correction;
            search: for (Hit hit : hits) {
                java.util.regex.Matcher marked = MARKED.matcher(hit.snippetHtml());
                while (marked.find()) {
                    String word = SnippetFormatter.unescape(marked.group(1));
                    if (LanguageAnalysis.terms(index.analysis().words(language), word).equals(List.of(correction))) {
                        written = word.toLowerCase(language.locale());
                        break search;
                    }
                }
            }
            words.add(written);
        }
        return String.join(" ", words);
    }

    private static String corrected(QueryPlan plan, List<String> corrections) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            words.add(corrections.get(i) != null ? corrections.get(i) : plan.words().get(i).folded());
        }
        return String.join(" ", words);
    }

    private Found run(IndexSearcher searcher, Query match, Query marks, Language language, List<String> kinds, String topic,
            Page page) throws IOException {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (!kinds.isEmpty()) {
            BooleanQuery.Builder anyKind = new BooleanQuery.Builder();
            kinds.forEach(kind -> anyKind.add(new TermQuery(new Term(LuceneIndex.KIND, kind)), Occur.SHOULD));
            filtered.add(anyKind.build(), Occur.FILTER);
        }
        if (topic != null) {
            filtered.add(new TermQuery(new Term(LuceneIndex.TOPIC, topic)), Occur.FILTER);
        }
        filtered.add(FeatureField.newLinearQuery(LuceneIndex.FEATURES, LuceneIndex.FRESHNESS, 3f), Occur.SHOULD);
        Query query = filtered.build();
        TopDocs all = searcher.search(query, page.offset() + page.limit() + 1);
        if (all.scoreDocs.length == 0) {
            return Found.NONE;
        }
        boolean more = all.scoreDocs.length > page.offset() + page.limit();
        // snippets and stored fields for this page only: they cost more than finding the documents
        ScoreDoc[] shown = java.util.Arrays.copyOfRange(all.scoreDocs, Math.min(page.offset(), all.scoreDocs.length),
                Math.min(page.offset() + page.limit(), all.scoreDocs.length));
        if (shown.length == 0) {
            return new Found(List.of(), false, true);
        }
        TopDocs top = new TopDocs(all.totalHits, shown);
        String textField = LanguageAnalysis.TEXT + language.code();
        String[] snippets = UnifiedHighlighter.builder(searcher, index.analysis().perField())
                .withFormatter(new SnippetFormatter()).withMaxLength(LuceneIndex.SNIPPET_SOURCE).build()
                .highlight(textField, marks, top, 1);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            Document doc = stored.document(scoreDoc.doc);
            String snippet = snippets[i] != null ? snippets[i] : SnippetFormatter.plain(doc.get(LuceneIndex.SUMMARY));
            hits.add(new Hit(doc.get(LuceneIndex.KIND), doc.get(LuceneIndex.REF), doc.get(LuceneIndex.TITLE),
                    doc.get(LuceneIndex.SUMMARY), doc.get(LuceneIndex.URL), doc.get(LuceneIndex.TOPIC), snippet));
        }
        return new Found(hits, more, true);
    }

    @Override
    public List<Hit> newest(String kind, String topic, Language language, int limit) {
        return store.newest(kind, topic, language, limit);
    }

    @Override
    public void recordMiss(String text, Language language) {
        store.recordMiss(text, language);
    }
}
