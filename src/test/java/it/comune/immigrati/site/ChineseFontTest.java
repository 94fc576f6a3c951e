package it.comune.immigrati.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Chinese font file of the site's own texts (fonts-zh.css, built by {@code ./frontend/fonts}) must
 * hold every Chinese character of the Chinese messages and content: fails when a translator adds a
 * character and the file was not rebuilt, so that a Chinese page would again fetch pieces of the font.
 */
class ChineseFontTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern RANGE = Pattern.compile("U\\+([0-9A-F]+)(?:-([0-9A-F]+))?");

    @Test
    void theCoreFileHasEveryCharacterOfTheChineseTexts() throws IOException {
        String css = Files.readString(RESOURCES.resolve("static/css/fonts-zh.css"));
        Matcher face = Pattern.compile("noto-sans-sc-core-400-normal\\.woff2\"\\) format\\(\"woff2\"\\);unicode-range:([^}]+)").matcher(css);
        assertThat(face.find()).as("fonts-zh.css declares the core face").isTrue();
        TreeSet<Integer> covered = new TreeSet<>();
        Matcher range = RANGE.matcher(face.group(1));
        while (range.find()) {
            int from = Integer.parseInt(range.group(1), 16);
            int to = range.group(2) == null ? from : Integer.parseInt(range.group(2), 16);
            for (int code = from; code <= to; code++) {
                covered.add(code);
            }
        }
        StringBuilder texts = new StringBuilder();
        try (Stream<Path> files = Stream.concat(Files.walk(RESOURCES.resolve("messages")), Files.walk(RESOURCES.resolve("content")))) {
            for (Path file : files.filter(f -> f.toString().endsWith("_zh.properties") || f.endsWith("zh.md")).toList()) {
                if (file.toString().endsWith(".properties")) {
                    Properties bundle = new Properties();
                    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        bundle.load(reader);
                    }
                    bundle.values().forEach(texts::append);
                } else {
                    texts.append(Files.readString(file));
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        texts.codePoints().filter(code -> code >= 0x2E80 && !covered.contains(code)).forEach(code -> missing.add(Character.toString(code)));
        assertThat(texts).as("the Chinese bundles were read").hasSizeGreaterThan(1000);
        assertThat(missing).as("Chinese characters missing from the core font file: run ./frontend/fonts").isEmpty();
        assertThat(Files.size(RESOURCES.resolve("static/fonts/noto-sans-sc-core-400-normal.woff2")))
                .as("the file a Chinese page preloads stays small enough for a cheap phone").isLessThan(400_000);
    }
}
