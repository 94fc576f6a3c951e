package it.comune.immigrati.search;

import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exhaustive rather than random: every code point of the Basic Multilingual Plane, alone and inside a
 * word, folded by the real {@code unaccent} of the embedded PostgreSQL, gives a query that
 * {@code to_tsquery} accepts in every text-search configuration the site uses. (Before the fix, 27 code
 * points failed: ŉ ʹ ʻ ʼ ʽ ˈ ː and ⑴ to ⒇.)
 */
@AciTest
class EveryLetterQueryTest {

    private static final List<String> CONFIGURATIONS = List.of("simple", "italian", "english", "french", "spanish",
            "romanian", "arabic");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQueryBuiltFromAnyFoldedLetterIsAlwaysValidQuerySyntax() {
        List<String> folded = jdbc.sql("""
                SELECT unaccent(t) FROM generate_series(1, 65535) AS cp,
                     LATERAL (VALUES (chr(cp)), ('a' || chr(cp) || '1'), (chr(cp) || chr(cp) || ' b')) AS v (t)
                WHERE cp NOT BETWEEN 55296 AND 57343
                """).query(String.class).list();
        assertThat(folded).hasSizeGreaterThan(3 * 60_000);
        List<String> queries = new ArrayList<>();
        for (String text : folded) {
            List<String> lexemes = TextQuery.lexemes(text);
            lexemes.forEach(l -> assertThat(TextQuery.isLexeme(l)).as(l).isTrue());
            queries.add(TextQuery.allPrefixes(lexemes));
            queries.add(TextQuery.anyOf(lexemes));
        }
        for (String configuration : CONFIGURATIONS) {
            assertThat(rejected(configuration, queries)).as(configuration).isEmpty();
        }
    }

    /** The queries {@code to_tsquery} refuses: all at once, and halves of a refused batch until each is found. */
    private List<String> rejected(String configuration, List<String> queries) {
        try {
            jdbc.sql("SELECT count(to_tsquery(CAST(:config AS regconfig), q)) FROM unnest(CAST(:queries AS text[])) AS q")
                    .param("config", configuration).param("queries", queries.toArray(String[]::new))
                    .query(Long.class).single();
            return List.of();
        } catch (RuntimeException refused) {
            if (queries.size() == 1) {
                return List.of(queries.get(0) + " (" + refused.getMessage() + ")");
            }
            List<String> found = new ArrayList<>(rejected(configuration, queries.subList(0, queries.size() / 2)));
            if (found.size() < 20) {
                found.addAll(rejected(configuration, queries.subList(queries.size() / 2, queries.size())));
            }
            return found;
        }
    }
}
