package it.comune.immigrati.search.internal;

import java.io.Reader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.site.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.bn.BengaliNormalizationFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;

/**
 * How the text of each language becomes index terms. Three analyses per language:
 * <ul>
 * <li>{@code text}: what documents are matched on. Stemmed where Lucene has a stemmer (Snowball for Italian,
 * French and Romanian, which also join verbs to nouns, "rinnovare" to "rinnovo"; Spanish's light stemmer; Porter for English;
 * Lucene's own for Arabic and Bengali), lemmatised for Ukrainian (Morfologik dictionary),
 * segmented into words for Chinese (smartcn); then folded (ICU: case, accents, letter variants), so
 * that "citta" finds "città" and "inscriere" finds "înscriere".</li>
 * <li>{@code words}: the words as written, folded but not stemmed: for spelling corrections, prefixes
 * while typing, and the synonym list.</li>
 * <li>{@code grams}: for Albanian and Urdu, which have no stemmer here, and Bengali, whose stemmer leaves
 * case endings ("অনুমতির"), the leading n-grams of each folded
 * word, so that "lejes" meets "leje" and "اجازتیں" meets "اجازت" (a query word is cut by its last two
 * letters and looked up there; see {@link QueryPlan}).</li>
 * </ul>
 * Field names carry the language ({@code all.uk}), so one index holds every language and each field has
 * one analysis.
 */
final class LanguageAnalysis {

    static final String ALL = "all.";
    static final String TITLE = "title.";
    static final String TEXT = "text.";
    static final String WORDS = "words.";
    static final String GRAMS = "grams.";

    /** The shortest leading n-gram indexed, and so the shortest cut query word. */
    static final int MIN_GRAM = 4;

    /** The elided articles and prepositions of Italian (l'anagrafe, dell'Unione), as Lucene's ItalianAnalyzer has them. */
    private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(List.of("c", "l", "all", "dall", "dell", "nell",
            "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true);

    /** A few of the commonest Albanian words: no list ships with Lucene. */
    private static final CharArraySet ALBANIAN_STOP = new CharArraySet(List.of("dhe", "e", "te", "të", "i", "ne",
            "në", "per", "për", "me", "nje", "një", "nga", "si", "se", "qe", "që", "eshte", "është", "jane", "janë",
            "do", "nuk", "u", "ku", "ose", "por", "ka", "kam", "a"), true);
    /** A few of the commonest Urdu words, after the letter mapping below. */
    private static final CharArraySet URDU_STOP = new CharArraySet(List.of("كا", "كي", "كو", "سي", "مين",
            "ميں", "اور", "هي", "هيں", "نه", "بهي", "پر", "يه", "وه", "كيا", "كر", "تو", "جو", "هو", "ليي", "لئي"), true);

    /**
     * Urdu letters mapped to their Arabic counterparts (Farsi yeh, keheh, heh goal, heh doachashmee, yeh
     * barree, teh marbuta goal): residents type Urdu with Arabic keyboards too, and each form must find
     * the other.
     */
    private static final NormalizeCharMap URDU_LETTERS;
    /** Romanian s and t with comma below, as written today, mapped to the cedilla forms the stemmer knows. */
    private static final NormalizeCharMap ROMANIAN_LETTERS;

    static {
        NormalizeCharMap.Builder urdu = new NormalizeCharMap.Builder();
        urdu.add("\u06CC", "\u064A");
        urdu.add("\u06A9", "\u0643");
        urdu.add("\u06C1", "\u0647");
        urdu.add("\u06BE", "\u0647");
        urdu.add("\u06D2", "\u064A");
        urdu.add("\u06C3", "\u0629");
        urdu.add("\u06C2", "\u0647");
        URDU_LETTERS = urdu.build();
        NormalizeCharMap.Builder romanian = new NormalizeCharMap.Builder();
        romanian.add("\u0219", "\u015F");
        romanian.add("\u0218", "\u015E");
        romanian.add("\u021B", "\u0163");
        romanian.add("\u021A", "\u0162");
        ROMANIAN_LETTERS = romanian.build();
    }

    /**
     * The words of questions ("how", "how many", "when"), left out of the text like stop words: residents
     * often type their search as a question, and a guide that happens to say "how" is not the answer.
     */
    private static final Map<Language, CharArraySet> QUESTION_WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Language.IT, set("come", "quanto", "quanti", "quanta", "quando", "dove", "cosa", "posso", "devo", "fare")),
            Map.entry(Language.EN, set("how", "much", "many", "what", "when", "where", "do", "does", "can", "i", "my", "get")),
            Map.entry(Language.FR, set("comment", "combien", "quand", "où", "ou", "quoi", "est", "faire", "je", "puis")),
            Map.entry(Language.ES, set("cuanto", "cuánto", "cuanta", "cuántos", "cuantos", "como", "cómo", "cuando", "cuándo", "donde",
                    "dónde", "que", "qué", "hacer", "puedo")),
            Map.entry(Language.RO, set("cum", "cat", "cât", "câte", "cate", "când", "cand", "unde", "ce", "fac", "pot")),
            Map.entry(Language.AR, set("كيف", "كم", "ماذا", "متى", "أين", "اين", "هل", "ما", "احصل", "أحصل")),
            Map.entry(Language.UR, set(urdu("کیسے", "کتنے", "کتنی", "کب", "کہاں", "کیا", "کریں", "کروں", "لیں", "ملے", "ملتا"))),
            Map.entry(Language.BN, set("কিভাবে", "কীভাবে", "কত", "কি", "কী", "কখন", "কোথায়", "লাগে", "পেতে", "করব", "করতে")),
            Map.entry(Language.SQ, set("si", "sa", "kur", "ku", "cfare", "çfarë", "duhen", "duhet", "bej", "bëj")),
            Map.entry(Language.UK, set("як", "скільки", "коли", "де", "що", "чи", "мені", "можна", "отримати")),
            Map.entry(Language.ZH, set("怎么", "如何", "多少", "什么", "哪里", "吗", "怎样", "要", "需要"))));

    /** Urdu words as they are after the letter mapping below, which comes before the tokenizer. */
    private static String[] urdu(String... words) {
        String[] mapped = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            mapped[i] = words[i].replace('\u06CC', '\u064A').replace('\u06A9', '\u0643').replace('\u06C1', '\u0647')
                    .replace('\u06BE', '\u0647').replace('\u06D2', '\u064A');
        }
        return mapped;
    }

    private static CharArraySet set(String... words) {
        return new CharArraySet(List.of(words), true);
    }

    private final Map<Language, Analyzer> text = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> words = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> grams = new EnumMap<>(Language.class);
    private final Analyzer perField;

    LanguageAnalysis() {
        for (Language language : Language.values()) {
            text.put(language, textAnalyzer(language));
            words.put(language, wordsAnalyzer(language));
            grams.put(language, new Chain(language) {
                @Override
                TokenStream filter(TokenStream stream) {
                    return new EdgeNGramTokenFilter(wordFilters(language, stream), MIN_GRAM, 24, true);
                }
            });
        }
        perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return LanguageAnalysis.this.forField(field);
            }
        };
    }

    /** Whether a language is matched through leading n-grams as well, having no stemmer. */
    static boolean usesGrams(Language language) {
        return language == Language.SQ || language == Language.UR || language == Language.BN;
    }

    Analyzer text(Language language) {
        return text.get(language);
    }

    Analyzer words(Language language) {
        return words.get(language);
    }

    /** The terms an analyzer makes of a text. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new java.util.ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("terms", text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }

    /** The analysis of each field by its name: for the index writer and the highlighter. */
    Analyzer perField() {
        return perField;
    }

    private Analyzer forField(String field) {
        Language language = Language.byCode(field.substring(field.indexOf('.') + 1)).orElseThrow(
                () -> new IllegalArgumentException("no language in field " + field));
        if (field.startsWith(WORDS)) {
            return words.get(language);
        }
        if (field.startsWith(GRAMS)) {
            return grams.get(language);
        }
        return text.get(language);
    }

    private static Analyzer textAnalyzer(Language language) {
        return switch (language) {
            // its own chain: apostrophes normalised, stop words, lemmas from the dictionary (unknown words
            // kept as written)
            case UK -> new FoldedAfter(new UkrainianMorfologikAnalyzer(), QUESTION_WORDS.get(language));
            case ZH -> new FoldedAfter(new SmartChineseAnalyzer(), QUESTION_WORDS.get(language));
            default -> new Chain(language) {
                @Override
                TokenStream filter(TokenStream stream) {
                    // question words go before stemming, as typed (urdu after the letter mapping: both forms listed)
                    return new ICUFoldingFilter(textFilters(language, new StopFilter(new LowerCaseFilter(stream),
                            QUESTION_WORDS.get(language))));
                }
            };
        };
    }

    private static Analyzer wordsAnalyzer(Language language) {
        return new Chain(language) {
            @Override
            TokenStream filter(TokenStream stream) {
                return wordFilters(language, stream);
            }
        };
    }

    private static TokenStream textFilters(Language language, TokenStream in) {
        return switch (language) {
            case IT -> new SnowballFilter(new StopFilter(new LowerCaseFilter(
                    new ElisionFilter(in, ITALIAN_ARTICLES)), ItalianAnalyzer.getDefaultStopSet()), new ItalianStemmer());
            case EN -> new PorterStemFilter(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(in)),
                    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
            case FR -> new SnowballFilter(new StopFilter(new LowerCaseFilter(
                    new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)), FrenchAnalyzer.getDefaultStopSet()), new FrenchStemmer());
            // the light stemmer, because it ignores accents: Snowball's leaves "renovacion" as typed on a
            // phone whole, and cuts "renovación" to "renov"
            case ES -> new SpanishLightStemFilter(new StopFilter(new LowerCaseFilter(in), SpanishAnalyzer.getDefaultStopSet()));
            case RO -> new SnowballFilter(new StopFilter(new LowerCaseFilter(in), RomanianAnalyzer.getDefaultStopSet()),
                    new RomanianStemmer());
            case AR -> new ArabicStemFilter(new ArabicNormalizationFilter(new StopFilter(
                    new DecimalDigitFilter(new LowerCaseFilter(in)), ArabicAnalyzer.getDefaultStopSet())));
            case BN -> new BengaliStemFilter(new StopFilter(new BengaliNormalizationFilter(new IndicNormalizationFilter(
                    new DecimalDigitFilter(new LowerCaseFilter(in)))), BengaliAnalyzer.getDefaultStopSet()));
            case UR -> new StopFilter(new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in))),
                    URDU_STOP);
            case SQ -> new StopFilter(new LowerCaseFilter(in), ALBANIAN_STOP);
            case UK, ZH -> throw new IllegalStateException("has its own analyzer");
        };
    }

    /** Words as written, folded: no stemming and no stop words (a synonym may be "carta di soggiorno"). */
    private static TokenStream wordFilters(Language language, TokenStream in) {
        TokenStream stream = switch (language) {
            case IT -> new ElisionFilter(in, ITALIAN_ARTICLES);
            case FR -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
            case AR, UR -> new ArabicNormalizationFilter(new DecimalDigitFilter(in));
            case BN -> new BengaliNormalizationFilter(new IndicNormalizationFilter(new DecimalDigitFilter(in)));
            default -> in;
        };
        return new ICUFoldingFilter(stream);
    }

    /** A tokenizer (smartcn's for Chinese, the Unicode word rules otherwise), letter mappings, then filters. */
    private abstract static class Chain extends Analyzer {

        private final Language language;

        Chain(Language language) {
            this.language = language;
        }

        abstract TokenStream filter(TokenStream stream);

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return switch (language) {
                case UR -> new MappingCharFilter(URDU_LETTERS, reader);
                case RO -> new MappingCharFilter(ROMANIAN_LETTERS, reader);
                default -> reader;
            };
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = language == Language.ZH ? new HMMChineseTokenizer() : new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, filter(tokenizer));
        }
    }

    /**
     * Another analyzer's terms without question words, folded (case, width, accents) as every other
     * language's are. The question words are matched against its output (lemmas, Chinese words).
     */
    private static final class FoldedAfter extends org.apache.lucene.analysis.AnalyzerWrapper {

        private final Analyzer inner;
        private final CharArraySet questionWords;

        FoldedAfter(Analyzer inner, CharArraySet questionWords) {
            super(Analyzer.PER_FIELD_REUSE_STRATEGY);
            this.inner = inner;
            this.questionWords = questionWords;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return inner;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(),
                    new ICUFoldingFilter(new StopFilter(components.getTokenStream(), questionWords)));
        }
    }
}
