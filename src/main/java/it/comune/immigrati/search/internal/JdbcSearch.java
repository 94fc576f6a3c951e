package it.comune.immigrati.search.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.search.Search;
import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.site.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * PostgreSQL full-text search over {@code search_document}: each language with its own text-search
 * configuration (stemming where PostgreSQL has a stemmer, {@code simple} where it has none), accents
 * folded with {@code unaccent}, titles weighted above summaries above bodies, newer documents a little
 * higher; and when the words find nothing, trigram similarity for misspellings.
 */
@Service
class JdbcSearch implements SearchIndex, Search {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String START = "\u27E6";
    private static final String STOP = "\u27E7";

    private final JdbcClient jdbc;

    JdbcSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The text-search configuration of a language; PostgreSQL 17 ships these stemmers. */
    static String configuration(Language language) {
        return switch (language) {
            case IT -> "italian";
            case EN -> "english";
            case FR -> "french";
            case ES -> "spanish";
            case RO -> "romanian";
            case AR -> "arabic";
            default -> "simple";
        };
    }

    @Override
    public void put(Document document) {
        jdbc.sql("""
                INSERT INTO search_document (kind, ref, language, title, summary, body, url, topic, published_at, tsv, folded)
                VALUES (:kind, :ref, :language, :title, :summary, :body, :url, :topic, :published,
                        setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:title)), 'A')
                        || setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:summary)), 'B')
                        || setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:body)), 'C'),
                        lower(unaccent(:title || ' ' || :summary)))
                ON CONFLICT (kind, ref, language) DO UPDATE SET
                    title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, url = EXCLUDED.url,
                    topic = EXCLUDED.topic, published_at = EXCLUDED.published_at, tsv = EXCLUDED.tsv,
                    folded = EXCLUDED.folded, updated_at = now()
                """).param("kind", document.kind()).param("ref", document.ref())
                .param("language", document.language().code()).param("title", document.title())
                .param("summary", nonNull(document.summary())).param("body", nonNull(document.body()))
                .param("url", document.url()).param("topic", document.topic())
                .param("published", Timestamp.from(document.publishedAt() == null ? Instant.now() : document.publishedAt()))
                .param("config", configuration(document.language())).update();
    }

    @Override
    public void remove(String kind, String ref) {
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref = :ref").param("kind", kind).param("ref", ref)
                .update();
    }

    @Override
    public void remove(String kind, String ref, Language language) {
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref = :ref AND language = :language")
                .param("kind", kind).param("ref", ref).param("language", language.code()).update();
    }

    @Override
    public List<Hit> newest(String kind, String topic, Language language, int limit) {
        return jdbc.sql("""
                SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic, left(d.summary, 240) AS snippet
                FROM search_document d
                WHERE d.language = :language AND d.kind = :kind AND d.topic = :topic
                ORDER BY d.published_at DESC, d.id
                LIMIT :limit
                """).param("language", language.code()).param("kind", kind).param("topic", topic).param("limit", limit)
                .query((rs, n) -> hit(rs)).list();
    }

    @Override
    public Results search(String text, Language language, List<String> kinds, String topic, int limit) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new Results(List.of(), false);
        }
        String filters = (kinds.isEmpty() ? "" : " AND d.kind = ANY(:kinds)") + (topic == null ? "" : " AND d.topic = :topic");
        var exact = jdbc.sql("""
                WITH q AS (SELECT to_tsquery(CAST(:config AS regconfig), unaccent(:query)) AS query)
                SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic,
                       ts_headline(CAST(:config AS regconfig), d.summary || ' ' || d.body, q.query,
                                   'StartSel=\u27E6, StopSel=\u27E7, MaxWords=35, MinWords=15, ShortWord=2') AS snippet
                FROM search_document d, q
                WHERE d.language = :language AND d.tsv @@ q.query""" + filters + """
                 ORDER BY ts_rank_cd(d.tsv, q.query, 1)
                          * (1.0 + 0.2 / (1.0 + extract(epoch FROM now() - d.published_at) / 31536000.0)) DESC, d.id
                LIMIT :limit
                """).param("config", configuration(language)).param("query", tsquery(words))
                .param("language", language.code()).param("limit", limit);
        List<Hit> hits = bind(exact, kinds, topic).query((rs, n) -> hit(rs)).list();
        if (!hits.isEmpty()) {
            return new Results(hits, false);
        }
        var near = jdbc.sql("""
                SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic, left(d.summary, 240) AS snippet
                FROM search_document d
                WHERE d.language = :language AND\s""" + (language == Language.ZH
                        // no spaces between Chinese words: trigram word similarity does not apply, a substring does
                        ? "d.folded LIKE '%' || :folded || '%'" : ":folded <% d.folded") + filters + """
                 ORDER BY word_similarity(:folded, d.folded) + word_similarity(:folded, lower(unaccent(d.title))) DESC, d.id
                LIMIT :limit
                """).param("folded", String.join(" ", words)).param("language", language.code()).param("limit", limit);
        return new Results(bind(near, kinds, topic).query((rs, n) -> hit(rs)).list(), true);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<String> kinds, String topic) {
        if (!kinds.isEmpty()) {
            statement = statement.param("kinds", kinds.toArray(String[]::new));
        }
        if (topic != null) {
            statement = statement.param("topic", topic);
        }
        return statement;
    }

    @Override
    public void recordMiss(String text, Language language) {
        String query = String.join(" ", words(text));
        if (query.isEmpty() || query.length() > 200) {
            return;
        }
        jdbc.sql("""
                INSERT INTO search_miss (language, query) VALUES (:language, :query)
                ON CONFLICT (language, query) DO UPDATE SET misses = search_miss.misses + 1, last_at = now(), updated_at = now()
                """).param("language", language.code()).param("query", query).update();
    }

    /** Words only (letters and digits in any script), lower case; at most ten. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < 10) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Every word must match; each as a prefix, so suggestions work while a word is being typed. */
    static String tsquery(List<String> words) {
        return String.join(" & ", words.stream().map(w -> w + ":*").toList());
    }

    private static Hit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        String snippet = HtmlUtils.htmlEscape(rs.getString("snippet"), "UTF-8").replace(START, "<mark>").replace(STOP, "</mark>");
        return new Hit(rs.getString("kind"), rs.getString("ref"), rs.getString("title"), rs.getString("summary"),
                rs.getString("url"), rs.getString("topic"), snippet);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
