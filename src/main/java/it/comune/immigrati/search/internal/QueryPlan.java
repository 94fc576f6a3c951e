package it.comune.immigrati.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.site.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * A resident's words as a Lucene query in one language. Built from the words themselves, never parsed as
 * query syntax, so no input can be an operator.
 *
 * <p>The text is cut into words (folded as written). Where a run of words is a phrase of the synonym
 * list, that run may match any phrase of its group; every other word is analysed like the documents
 * (stemmed, lemmatised or segmented) and, in Albanian and Urdu, may also match by its leading letters.
 * Each run or word must match the document somewhere; matches in the title count double. The last word,
 * if still being typed, may also be the start of a longer word.
 */
final class QueryPlan {

    /** More than any search box needs. */
    static final int MOST_WORDS = 16;
    private static final int SHORTEST_PREFIX = 3;
    private static final float TITLE_BOOST = 2f;
    private static final float GRAM_BOOST = 0.5f;

    /** A word of the query: as the resident wrote it, and folded as the words fields are. */
    record Word(String written, String folded) {
    }

    /** A phrase of the synonym list, and its words folded. */
    record Phrase(String text, List<String> words) {
    }

    private final Language language;
    private final LanguageAnalysis analysis;
    private final QueryBuilder builder;
    private final List<Word> words;
    private final List<List<Phrase>> synonyms;

    /**
     * @param synonyms the groups of this language, each a list of phrases
     */
    QueryPlan(String text, Language language, LanguageAnalysis analysis, List<List<Phrase>> synonyms) {
        this.language = language;
        this.analysis = analysis;
        this.builder = new QueryBuilder(analysis.text(language));
        this.synonyms = synonyms;
        this.words = words(analysis.words(language), text);
    }

    List<Word> words() {
        return words;
    }

    /** The words (folded) that the synonym list covers: not for spelling corrections. */
    boolean[] coveredBySynonyms() {
        boolean[] covered = new boolean[words.size()];
        for (int i = 0; i < words.size();) {
            int length = longestSynonym(i);
            for (int k = i; k < i + Math.max(length, 1); k++) {
                covered[k] = length > 0;
            }
            i += Math.max(length, 1);
        }
        return covered;
    }

    /**
     * The terms to mark in snippets: each word's analysed terms (and its correction's), and the synonyms'
     * terms, on the text field. Plain terms only: the highlighter marks nothing for a word once a prefix
     * query on it is in the query it is given.
     */
    Query highlight(List<String> corrections) {
        String field = LanguageAnalysis.TEXT + language.code();
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.function.Consumer<String> add = text -> {
            for (String term : LanguageAnalysis.terms(analysis.text(language), text)) {
                if (seen.add(term) && seen.size() < 64) {
                    terms.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                }
            }
        };
        for (int i = 0; i < words.size(); i++) {
            add.accept(words.get(i).written());
            if (corrections != null && corrections.get(i) != null) {
                add.accept(corrections.get(i));
            }
        }
        for (int i = 0; i < words.size();) {
            int length = longestSynonym(i);
            if (length > 0) {
                List<String> written = words.subList(i, i + length).stream().map(Word::folded).toList();
                synonyms.stream().filter(group -> group.stream().anyMatch(p -> p.words().equals(written)))
                        .flatMap(List::stream).forEach(phrase -> add.accept(phrase.text()));
            }
            i += Math.max(length, 1);
        }
        return terms.build();
    }

    /** How many runs and words {@link #query} has. */
    int clauses() {
        int count = 0;
        for (int i = 0; i < words.size();) {
            int length = longestSynonym(i);
            if (length > 0 || (!optional(words.get(i)) && wordClause(words.get(i), LanguageAnalysis.ALL, false) != null)) {
                count++;
            }
            i += Math.max(length, 1);
        }
        return count;
    }

    /**
     * @param atLeast how many of the runs and words must match: all of them normally, fewer for a loose
     *                second try
     * @return null when nothing in the text can be searched (only stop words, or only signs)
     */
    Query query(int atLeast) {
        return query(atLeast, false);
    }

    /**
     * @param typing the last word may be the start of a longer one (a word still being typed): tried only
     *               when the words as they are find nothing, since a prefix costs its every completion
     */
    Query query(int atLeast, boolean typing) {
        List<Query[]> clauses = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        for (int i = 0; i < words.size();) {
            int length = longestSynonym(i);
            Query[] clause;
            if (length > 0) {
                clause = new Query[] { synonymClause(i, length, LanguageAnalysis.ALL), synonymClause(i, length, LanguageAnalysis.TITLE) };
                i += length;
            } else {
                boolean last = typing && i == words.size() - 1;
                clause = new Query[] { wordClause(words.get(i), LanguageAnalysis.ALL, last), wordClause(words.get(i), LanguageAnalysis.TITLE, false) };
                if (clause[0] != null && optional(words.get(i))) {
                    optional.add(clause[0]);
                    clause[0] = null;
                }
                i++;
            }
            if (clause[0] != null) {
                clauses.add(clause);
            }
        }
        if (clauses.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        optional.forEach(clause -> query.add(clause, Occur.SHOULD));
        for (Query[] clause : clauses) {
            matches.add(clause[0], Occur.SHOULD);
            if (clause[1] != null) {
                query.add(new BoostQuery(clause[1], TITLE_BOOST), Occur.SHOULD);
            }
        }
        matches.setMinimumNumberShouldMatch(Math.min(atLeast, clauses.size()));
        query.add(matches.build(), Occur.MUST);
        return query.build();
    }

    /**
     * The loose last try, when {@link #query} finds nothing: each analysed term of the words (a Chinese
     * word may give several) may match, as written or as its spelling correction, or a synonym of the
     * query. Ranked by how rare and how many the matched terms are (and matches in titles), so that "how
     * many years for citizenship" finds citizenship, not "how".
     *
     * @param corrections for each word, the nearest word of the documents when it is in none, else null
     * @return null when nothing in the text can be searched
     */
    Query loose(List<String> corrections) {
        String all = LanguageAnalysis.ALL + language.code();
        String title = LanguageAnalysis.TITLE + language.code();
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        BooleanQuery.Builder titles = new BooleanQuery.Builder();
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            List<String> analysed = LanguageAnalysis.terms(analysis.text(language), word.written());
            List<String> corrected = corrections.get(i) == null ? List.of()
                    : LanguageAnalysis.terms(analysis.text(language), corrections.get(i));
            for (int t = 0; t < analysed.size(); t++) {
                BooleanQuery.Builder any = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(all, analysed.get(t))), Occur.SHOULD);
                if (t < corrected.size()) {
                    any.add(new BoostQuery(new TermQuery(new Term(all, corrected.get(t))), 0.8f), Occur.SHOULD);
                }
                if (LanguageAnalysis.usesGrams(language)) {
                    any.add(new BoostQuery(new TermQuery(new Term(LanguageAnalysis.GRAMS + language.code(), cut(word.folded()))),
                            GRAM_BOOST), Occur.SHOULD);
                }
                terms.add(any.build(), Occur.SHOULD);
                titles.add(new TermQuery(new Term(title, analysed.get(t))), Occur.SHOULD);
                count++;
            }
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        if (count > 0) {
            matches.add(terms.build(), Occur.SHOULD);
        }
        int synonymClauses = 0;
        for (int i = 0; i < words.size();) {
            int length = longestSynonym(i);
            if (length > 0) {
                matches.add(synonymClause(i, length, LanguageAnalysis.ALL), Occur.SHOULD);
                titles.add(synonymClause(i, length, LanguageAnalysis.TITLE), Occur.SHOULD);
                synonymClauses++;
            }
            i += Math.max(length, 1);
        }
        if (count == 0 && synonymClauses == 0) {
            return null;
        }
        return new BooleanQuery.Builder().add(matches.build(), Occur.MUST)
                .add(new BoostQuery(titles.build(), TITLE_BOOST), Occur.SHOULD).build();
    }

    /**
     * A Chinese word of one character (换, 报, 的 as smartcn cuts them) counts for ranking but is not
     * required: most carry little meaning alone, and the guide may say it with another.
     */
    private boolean optional(Word word) {
        return language == Language.ZH && word.folded().codePointCount(0, word.folded().length()) == 1;
    }

    private Query wordClause(Word word, String fieldPrefix, boolean typing) {
        String field = fieldPrefix + language.code();
        Query analysed = builder.createBooleanQuery(field, word.written(), Occur.MUST);
        if (analysed == null) {
            return null; // a stop word
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(analysed, Occur.SHOULD);
        if (fieldPrefix.equals(LanguageAnalysis.ALL) && LanguageAnalysis.usesGrams(language)) {
            any.add(new BoostQuery(new TermQuery(new Term(LanguageAnalysis.GRAMS + language.code(), cut(word.folded()))),
                    GRAM_BOOST), Occur.SHOULD);
        }
        if (typing && word.folded().codePointCount(0, word.folded().length()) >= SHORTEST_PREFIX) {
            any.add(new BoostQuery(new PrefixQuery(new Term(LanguageAnalysis.WORDS + language.code(), word.folded())), 0.3f),
                    Occur.SHOULD);
        }
        return any.build();
    }

    private Query synonymClause(int start, int length, String fieldPrefix) {
        String field = fieldPrefix + language.code();
        List<String> written = words.subList(start, start + length).stream().map(Word::folded).toList();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int added = 0;
        for (List<Phrase> group : synonyms) {
            if (group.stream().noneMatch(phrase -> phrase.words().equals(written))) {
                continue;
            }
            for (Phrase phrase : group) {
                // a word may stand between ("résident longue durée" in "résidents de longue durée"); a
                // Chinese phrase is its words anywhere (居留 … 续签), as the order of cut words varies
                Query query = language == Language.ZH ? builder.createBooleanQuery(field, phrase.text(), Occur.MUST)
                        : builder.createPhraseQuery(field, phrase.text(), 1);
                if (query != null && added < BooleanQuery.getMaxClauseCount() / 4) {
                    any.add(query, Occur.SHOULD);
                    added++;
                }
            }
        }
        return added == 0 ? null : any.build();
    }

    /** The number of words from {@code start} that form a phrase of the synonym list, longest first; 0 if none. */
    private int longestSynonym(int start) {
        int best = 0;
        for (List<Phrase> group : synonyms) {
            for (Phrase phrase : group) {
                List<String> tokens = phrase.words();
                if (tokens.size() > best && start + tokens.size() <= words.size()) {
                    boolean same = true;
                    for (int k = 0; k < tokens.size() && same; k++) {
                        same = tokens.get(k).equals(words.get(start + k).folded());
                    }
                    if (same) {
                        best = tokens.size();
                    }
                }
            }
        }
        return best;
    }

    /** A phrase of the synonym list, folded as the words of queries are. */
    static Phrase phrase(LanguageAnalysis analysis, Language language, String text) {
        return new Phrase(text, words(analysis.words(language), text).stream().map(Word::folded).toList());
    }

    /** A word cut by its last two letters, not below the shortest n-gram: where Albanian and Urdu inflect. */
    static String cut(String folded) {
        int letters = folded.codePointCount(0, folded.length());
        if (letters <= LanguageAnalysis.MIN_GRAM) {
            return folded;
        }
        return folded.substring(0, folded.offsetByCodePoints(0, Math.max(LanguageAnalysis.MIN_GRAM, letters - 2)));
    }

    static List<Word> words(Analyzer analyzer, String text) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = analyzer.tokenStream("words", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < MOST_WORDS) {
                words.add(new Word(text.substring(offset.startOffset(), offset.endOffset()), term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
