package it.comune.immigrati.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import it.comune.immigrati.site.Language;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The words residents use for the same thing, per language, as editors keep them in
 * {@code search_synonyms}: one group per line, its words or phrases separated by commas. Each node reads
 * them again when they change (checked with the index follower's runs), so an edit applies to the next
 * searches on every node, with no reindexing: they expand queries only.
 *
 * <p>A language without a row gets the starter list shipped in {@code content/search/synonyms}; once the
 * row exists, even emptied, it is the editors'.
 */
final class Synonyms {

    static final int MOST_GROUPS = 300;
    static final int LONGEST_LINE = 300;
    static final int MOST_WORDS_IN_PHRASE = 6;

    private final JdbcClient jdbc;
    private final LanguageAnalysis analysis;
    private volatile Map<Language, List<List<QueryPlan.Phrase>>> groups = new EnumMap<>(Language.class);
    private volatile String version = "";

    Synonyms(JdbcClient jdbc, LanguageAnalysis analysis) {
        this.jdbc = jdbc;
        this.analysis = analysis;
    }

    List<List<QueryPlan.Phrase>> of(Language language) {
        return groups.getOrDefault(language, List.of());
    }

    /** The text editors see and change for one language. */
    String text(Language language) {
        return jdbc.sql("SELECT groups FROM search_synonyms WHERE language = :language").param("language", language.code())
                .query(String.class).optional().orElse("");
    }

    /** Saves one language's list as written (validated by {@link #problems}); applies at once on this node. */
    void save(Language language, String text, String editor) {
        jdbc.sql("""
                INSERT INTO search_synonyms (language, groups, updated_by) VALUES (:language, :groups, :editor)
                ON CONFLICT (language) DO UPDATE SET groups = EXCLUDED.groups, updated_by = EXCLUDED.updated_by, updated_at = now()
                """).param("language", language.code()).param("groups", normalise(text)).param("editor", editor).update();
        reloadIfChanged();
    }

    /** Writes the starter lists of the languages that have none yet. */
    void seed() {
        for (Language language : Language.values()) {
            ClassPathResource resource = new ClassPathResource("content/search/synonyms/" + language.code() + ".txt");
            if (!resource.exists()) {
                continue;
            }
            try {
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                jdbc.sql("INSERT INTO search_synonyms (language, groups, updated_by) VALUES (:language, :groups, 'system') "
                        + "ON CONFLICT DO NOTHING").param("language", language.code()).param("groups", normalise(text)).update();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the lists again if any changed since the last read; cheap when none did. */
    void reloadIfChanged() {
        String now = jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM search_synonyms")
                .query(String.class).single();
        if (now.equals(version)) {
            return;
        }
        Map<Language, List<List<QueryPlan.Phrase>>> read = new EnumMap<>(Language.class);
        jdbc.sql("SELECT language, groups FROM search_synonyms")
                .query((rs, n) -> Map.entry(rs.getString("language"), rs.getString("groups"))).list()
                .forEach(row -> Language.byCode(row.getKey()).ifPresent(language -> read.put(language, parse(language, row.getValue()))));
        groups = read;
        version = now;
    }

    private List<List<QueryPlan.Phrase>> parse(Language language, String text) {
        List<List<QueryPlan.Phrase>> parsed = new ArrayList<>();
        for (List<String> group : groups(text)) {
            List<QueryPlan.Phrase> phrases = group.stream().map(p -> QueryPlan.phrase(analysis, language, p))
                    .filter(p -> !p.words().isEmpty()).toList();
            if (phrases.size() >= 2) {
                parsed.add(phrases);
            }
        }
        return List.copyOf(parsed);
    }

    /** The groups of a list: lines that are not blank or comments, split at commas, trimmed, lower case. */
    static List<List<String>> groups(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> phrases = new ArrayList<>();
            for (String phrase : trimmed.split("[,，،]")) {
                String p = phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                if (!p.isEmpty() && !phrases.contains(p)) {
                    phrases.add(p);
                }
            }
            groups.add(phrases);
        }
        return groups;
    }

    /**
     * What is wrong with a list, as message keys with the line number: a group of one, a line too long, a
     * phrase of too many words, too many groups. Empty when it can be saved.
     */
    static List<Problem> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R");
        int groups = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            groups++;
            if (line.length() > LONGEST_LINE) {
                problems.add(new Problem("search.synonyms.error.long", i + 1));
                continue;
            }
            List<String> phrases = groups(line).get(0);
            if (phrases.size() < 2) {
                problems.add(new Problem("search.synonyms.error.alone", i + 1));
            } else if (phrases.stream().anyMatch(p -> p.split(" ").length > MOST_WORDS_IN_PHRASE)) {
                problems.add(new Problem("search.synonyms.error.phrase", i + 1));
            }
        }
        if (groups > MOST_GROUPS) {
            problems.add(new Problem("search.synonyms.error.many", 0));
        }
        return problems;
    }

    record Problem(String messageKey, int line) {
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip() + "\n";
    }
}
