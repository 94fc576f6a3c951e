package it.comune.immigrati.guides.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every starter translation against its Italian text: the same sections, the same links, the same
 * "[da verificare]" markers, every figure of the Italian (amounts, days, years, article numbers) still
 * there, and its provenance declared. A translation may add a figure that explains (e.g. "under 18" for
 * minorenni), never lose one.
 */
class StarterTranslationsTest {

    private static final Path GUIDES = Path.of("src/main/resources/content/guides");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)>\\]]+");
    private static final Pattern SECTION = Pattern.compile("(?m)^## ");

    @Test
    void eachTranslationKeepsTheItalianFiguresLinksMarkersAndSections() throws IOException, GuideFile.FormatException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(GUIDES, 2)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("it.md")
                    && !f.getFileName().toString().equals("README.md")).sorted().toList()) {
                String name = GUIDES.relativize(file).toString();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                GuideFile translation = GuideFile.parse(text);
                GuideFile italian = GuideFile.parse(Files.readString(file.resolveSibling("it.md"), StandardCharsets.UTF_8));
                String body = translation.text().body();
                String reference = italian.text().body();
                if (!text.contains("\nprovenance: ")) {
                    problems.add(name + ": no provenance in the front matter");
                }
                if (!translation.slug().equals(italian.slug())) {
                    problems.add(name + ": slug " + translation.slug() + " is not the Italian's " + italian.slug());
                }
                compare(problems, name, "sections", count(SECTION, reference), count(SECTION, body));
                compare(problems, name, "[da verificare] markers", occurrences(reference, "[da verificare]"),
                        occurrences(body, "[da verificare]"));
                if (!matches(URL, reference).equals(matches(URL, body))) {
                    problems.add(name + ": links differ from the Italian");
                }
                Map<String, Integer> translated = matches(NUMBER, body);
                matches(NUMBER, reference).forEach((number, times) -> {
                    if (translated.getOrDefault(number, 0) < times) {
                        problems.add(name + ": the Italian has " + number + " " + times + " time(s), the translation "
                                + translated.getOrDefault(number, 0));
                    }
                });
                checked++;
            }
        }
        assertThat(checked).as("translations checked").isGreaterThanOrEqualTo(20);
        assertThat(problems).isEmpty();
    }

    private static void compare(List<String> problems, String name, String what, int italian, int translation) {
        if (italian != translation) {
            problems.add(name + ": " + translation + " " + what + ", the Italian has " + italian);
        }
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Map<String, Integer> matches(Pattern pattern, String text) {
        Map<String, Integer> found = new HashMap<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.merge(matcher.group(), 1, Integer::sum);
        }
        return found;
    }
}
