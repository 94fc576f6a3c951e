package it.comune.immigrati.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL text-search queries ({@code to_tsquery}) built only from letters and digits, so that no
 * input can form an operator, a quote, a weight or a prefix marker.
 *
 * <p>Fold first ({@code unaccent}), then build: {@code unaccent} turns some letters into query syntax
 * ({@code ː} → {@code :}, {@code ʼ} → {@code '}, {@code ⑴} → {@code (1)}, {@code ŉ} → {@code 'n}), so a
 * query folded after it was built could be a syntax error (and was: search answered 500). The text given
 * here is therefore already folded, and the query is passed to {@code to_tsquery} as it is.
 */
public final class TextQuery {

    private static final Pattern LEXEME = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    /** More than any search box needs; a folded word may become several ({@code ⑴⑵} → 1, 2). */
    private static final int MOST = 16;

    private TextQuery() {
    }

    /** The runs of letters and digits of an already folded text, lower case, at most sixteen. */
    public static List<String> lexemes(String folded) {
        List<String> lexemes = new ArrayList<>();
        if (folded == null) {
            return lexemes;
        }
        Matcher matcher = LEXEME.matcher(folded.toLowerCase(Locale.ROOT));
        while (matcher.find() && lexemes.size() < MOST) {
            lexemes.add(matcher.group());
        }
        return lexemes;
    }

    /** Every lexeme must match, each as a prefix (for words still being typed); empty when there are none. */
    public static String allPrefixes(List<String> lexemes) {
        return String.join(" & ", lexemes.stream().filter(TextQuery::isLexeme).map(w -> w + ":*").toList());
    }

    /** Any lexeme may match; empty when there are none. */
    public static String anyOf(List<String> lexemes) {
        return String.join(" | ", lexemes.stream().filter(TextQuery::isLexeme).toList());
    }

    /** Whether a word is letters and digits only: the one shape that is never query syntax. */
    public static boolean isLexeme(String word) {
        return word != null && LEXEME.matcher(word).matches();
    }
}
