package it.comune.immigrati.search;

import java.util.List;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever folded text comes in, the query built from it is lexemes of letters and digits joined by
 * the builder's own operators: nothing the text brings can be query syntax. (The exhaustive check of
 * every code point through the real unaccent and to_tsquery is EveryLetterQueryTest.) Fuzzed for a
 * short while in every build, in its own surefire execution in pom.xml.
 */
class TextQueryFuzzTest {

    private static final String LEXEME = "[\\p{L}\\p{M}\\p{N}]+";
    private static final Pattern ALL = Pattern.compile("(" + LEXEME + ":\\*( & " + LEXEME + ":\\*)*)?");
    private static final Pattern ANY = Pattern.compile("(" + LEXEME + "( \\| " + LEXEME + ")*)?");
    /** What to_tsquery reads as syntax, or as the end of a lexeme. */
    private static final Pattern SYNTAX = Pattern.compile("[&|!()<>:*'\\\\\\s\\-]");

    @FuzzTest(maxDuration = "30s")
    void theQueryIsOnlyLettersAndDigitsAndTheBuildersOperators(String folded) {
        List<String> lexemes = TextQuery.lexemes(folded);
        for (String lexeme : lexemes) {
            if (lexeme.isEmpty() || SYNTAX.matcher(lexeme).find() || !TextQuery.isLexeme(lexeme)) {
                throw new AssertionError("Lexeme " + lexeme + " from " + folded);
            }
        }
        String all = TextQuery.allPrefixes(lexemes);
        String any = TextQuery.anyOf(lexemes);
        if (!ALL.matcher(all).matches() || !ANY.matcher(any).matches()) {
            throw new AssertionError("Query from " + folded + ": " + all + " / " + any);
        }
        if (lexemes.size() > 16) {
            throw new AssertionError("More than sixteen lexemes from " + folded);
        }
    }
}
