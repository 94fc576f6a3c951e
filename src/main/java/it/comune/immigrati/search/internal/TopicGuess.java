package it.comune.immigrati.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which topics a search that found nothing was about, from the topics' names in every language: a
 * Ukrainian or Bengali query finds no text while the guides are not translated, but its words are
 * often those of a topic's name ("проживання" in "Посвідка на проживання"). Words match on a common
 * start of at least four letters (or three-quarters of the shorter word), so that inflected forms
 * still match; for scripts written without spaces (Chinese) a topic name found inside the query counts.
 */
final class TopicGuess {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    /** Only Latin letters lose their accents: a Bengali or Arabic mark is part of the letter. */
    private static final Pattern LATIN_ACCENT = Pattern.compile("(?<=\\p{IsLatin})\\p{Mn}+");

    private TopicGuess() {
    }

    /** The topics whose names, in any language, share words with {@code query}, best first. */
    static List<String> topics(String query, Map<String, List<String>> namesByTopic) {
        String text = normalise(query);
        List<String> words = words(text);
        record Score(String topic, int score) {
        }
        List<Score> scores = new ArrayList<>();
        namesByTopic.forEach((topic, names) -> {
            int best = 0;
            for (String name : names) {
                String normalised = normalise(name);
                int score = 0;
                for (String nameWord : words(normalised)) {
                    if (words.stream().anyMatch(w -> alike(w, nameWord))) {
                        score++;
                    }
                }
                if (score == 0 && normalised.length() >= 2 && text.contains(normalised.replace(" ", ""))) {
                    score = 1;
                }
                best = Math.max(best, score);
            }
            if (best > 0) {
                scores.add(new Score(topic, best));
            }
        });
        return scores.stream().sorted(Comparator.comparingInt(Score::score).reversed()).map(Score::topic).toList();
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return Normalizer.normalize(LATIN_ACCENT.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            if (matcher.group().codePointCount(0, matcher.group().length()) >= 3) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    private static boolean alike(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int needed = Math.min(shorter, Math.max(4, (shorter * 3 + 3) / 4));
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= needed;
    }
}
