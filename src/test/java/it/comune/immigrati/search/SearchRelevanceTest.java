package it.comune.immigrati.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What residents type, in each of the eleven languages, against the starter guides: real queries with
 * misspellings, inflected forms, colloquial words and short questions, each with the guide it should find
 * first ({@code src/test/resources/search/relevance/<language>.tsv}). Reports the share found first and
 * in the first three per language (also in {@code target/search-relevance.md}); fails below 90 % in the
 * first three in any language.
 */
@AciTest
class SearchRelevanceTest {

    private static final double FLOOR = 0.90;

    @Autowired
    Search search;

    record Outcome(String query, String expected, String type, int rank, List<String> found) {
    }

    @Test
    void residentsFindTheRightGuideInEveryLanguage() throws IOException {
        StringBuilder report = new StringBuilder("| language | queries | first | first three |\n|---|---|---|---|\n");
        StringBuilder misses = new StringBuilder();
        List<String> below = new ArrayList<>();
        for (Language language : Language.values()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (String line : new ClassPathResource("search/relevance/" + language.code() + ".tsv")
                    .getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                List<String> found = search.search(columns[0], language, List.of("guide"), null, 10).hits().stream()
                        .map(Search.Hit::ref).toList();
                outcomes.add(new Outcome(columns[0], columns[1], columns.length > 2 ? columns[2] : "", found.indexOf(columns[1]) + 1, found));
            }
            assertThat(outcomes).as(language.code()).hasSizeGreaterThanOrEqualTo(10);
            long first = outcomes.stream().filter(o -> o.rank() == 1).count();
            long three = outcomes.stream().filter(o -> o.rank() >= 1 && o.rank() <= 3).count();
            report.append(String.format(Locale.ROOT, "| %s | %d | %.0f %% | %.0f %% |%n", language.code(), outcomes.size(),
                    100.0 * first / outcomes.size(), 100.0 * three / outcomes.size()));
            outcomes.stream().filter(o -> o.rank() != 1).forEach(o -> misses.append(String.format(Locale.ROOT,
                    "- %s `%s` (%s): expected %s, rank %s; found %s%n", language.code(), o.query(), o.type(), o.expected(),
                    o.rank() == 0 ? "none" : o.rank(), o.found().stream().limit(3).toList())));
            if ((double) three / outcomes.size() < FLOOR) {
                below.add(language.code());
            }
        }
        String text = report + "\nNot first:\n" + misses;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/search-relevance.md"), text);
        System.out.println(text);
        assertThat(below).as("languages below 90 % in the first three:\n" + text).isEmpty();
    }
}
