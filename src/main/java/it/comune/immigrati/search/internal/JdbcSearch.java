package it.comune.immigrati.search.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.search.TextQuery;
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

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final String START = "\u27E6";
    private static final String STOP = "\u27E7";
    private static final int BODY_CANDIDATES = 1000;
    private static final Pattern IDENTIFYING = Pattern.compile(
            "\\p{Nd}{5}|\\p{Nd}(?:[ .\\-/]?\\p{Nd}){6}|\\b[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]\\b");

    private final JdbcClient jdbc;
    private final PublicContent content;

    JdbcSearch(JdbcClient jdbc, PublicContent content) {
        this.jdbc = jdbc;
        this.content = content;
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
        content.changed();
        long id = jdbc.sql("""
                INSERT INTO search_document (kind, ref, language, title, summary, url, topic, published_at, head, folded)
                VALUES (:kind, :ref, :language, :title, :summary, :url, :topic, :published,
                        setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:title)), 'A')
                        || setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:summary)), 'B'),
                        lower(unaccent(:title || ' ' || :summary)))
                ON CONFLICT (kind, ref, language) DO UPDATE SET
                    title = EXCLUDED.title, summary = EXCLUDED.summary, url = EXCLUDED.url, topic = EXCLUDED.topic,
                    published_at = EXCLUDED.published_at, head = EXCLUDED.head, folded = EXCLUDED.folded, updated_at = now()
                RETURNING id
                """).param("kind", document.kind()).param("ref", document.ref())
                .param("language", document.language().code()).param("title", document.title())
                .param("summary", nonNull(document.summary())).param("url", document.url()).param("topic", document.topic())
                .param("published", Timestamp.from(document.publishedAt() == null ? Instant.now() : document.publishedAt()))
                .param("config", configuration(document.language())).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO search_body (document_id, language, body, tsv)
                VALUES (:id, :language, :body,
                        setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:title)), 'A')
                        || setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:summary)), 'B')
                        || setweight(to_tsvector(CAST(:config AS regconfig), unaccent(:body)), 'C'))
                ON CONFLICT (document_id) DO UPDATE SET body = EXCLUDED.body, tsv = EXCLUDED.tsv, updated_at = now()
                """).param("id", id).param("language", document.language().code()).param("body", nonNull(document.body()))
                .param("title", document.title()).param("summary", nonNull(document.summary()))
                .param("config", configuration(document.language())).update();
        List<String> words = new ArrayList<>(words(document.title() + " " + nonNull(document.summary()), 200));
        words.removeIf(w -> w.length() < 3);
        if (!words.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO search_word (language, word)
                    SELECT DISTINCT :language, lower(unaccent(w)) FROM unnest(:words) AS w
                    ON CONFLICT DO NOTHING
                    """).param("language", document.language().code()).param("words", words.toArray(String[]::new)).update();
        }
    }

    @Override
    public void remove(String kind, String ref) {
        content.changed();
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref = :ref").param("kind", kind).param("ref", ref)
                .update();
    }

    @Override
    public void remove(String kind, String ref, Language language) {
        content.changed();
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
        String query = TextQuery.allPrefixes(TextQuery.lexemes(fold(String.join(" ", words))));
        List<Hit> hits = query.isEmpty() ? List.of() : exact(query, language, kinds, topic, limit);
        if (!hits.isEmpty()) {
            return new Results(hits, false);
        }
        return new Results(near(words, language, kinds, topic, limit), true);
    }

    /**
     * Documents matching a text-search query (built by {@link TextQuery}, already folded): title and summary
     * matches first, then body-only ones.
     */
    private List<Hit> exact(String query, Language language, List<String> kinds, String topic, int limit) {
        String filters = (kinds.isEmpty() ? "" : " AND d.kind = ANY(:kinds)") + (topic == null ? "" : " AND d.topic = :topic");
        // First the documents whose title or summary match, ranked on those small vectors; then, if
        // there is room, documents that match in their body only, ranked among the first
        // BODY_CANDIDATES found, so that a word in thousands of bodies cannot make a search slow.
        List<Hit> hits = new ArrayList<>(ranked("""
                SELECT d.id, ts_rank_cd(d.head, q.query, 1) AS rank, d.published_at FROM search_document d, q
                WHERE d.language = :language AND d.head @@ q.query""" + filters, language, query, kinds, topic, limit));
        if (hits.size() < limit) {
            hits.addAll(ranked("""
                    SELECT c.id, ts_rank_cd(c.tsv, q.query, 1) AS rank, c.published_at
                    FROM (SELECT d.id, b.tsv, d.published_at FROM search_body b JOIN search_document d ON d.id = b.document_id, q
                          WHERE b.language = :language AND b.tsv @@ q.query AND NOT d.head @@ q.query""" + filters
                    + " LIMIT " + BODY_CANDIDATES + ") c, q", language, query, kinds, topic, limit - hits.size()));
        }
        return hits;
    }

    /** When the words find nothing: near spellings. */
    private List<Hit> near(List<String> words, Language language, List<String> kinds, String topic, int limit) {
        String filters = (kinds.isEmpty() ? "" : " AND d.kind = ANY(:kinds)") + (topic == null ? "" : " AND d.topic = :topic");
        if (language == Language.ZH) {
            // no spaces between Chinese words, so no words to correct: a substring of title or summary
            var near = jdbc.sql("""
                    SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic, left(d.summary, 240) AS snippet
                    FROM search_document d
                    WHERE d.language = :language AND d.folded LIKE '%' || :folded || '%'""" + filters + """
                     ORDER BY d.published_at DESC, d.id
                    LIMIT :limit
                    """).param("folded", String.join(" ", words)).param("language", language.code()).param("limit", limit);
            return bind(near, kinds, topic).query((rs, n) -> hit(rs)).list();
        }
        // each word may be any of the three most similar words of the titles and summaries; short words and
        // words with nothing similar are left out, so that a stray word does not hide what the others find
        List<String> groups = new ArrayList<>();
        for (String word : words) {
            List<String> similar = word.length() < 3 ? List.of() : jdbc.sql("""
                    SELECT word FROM search_word
                    WHERE language = :language AND word % lower(unaccent(:word))
                    ORDER BY similarity(word, lower(unaccent(:word))) DESC, word
                    LIMIT 3
                    """).param("language", language.code()).param("word", word).query(String.class).list();
            // stored words are folded already, and folding may have left syntax in them (ŉ → 'n): each
            // alternative is rebuilt from its letters and digits
            List<String> alternatives = similar.stream().map(w -> TextQuery.allPrefixes(TextQuery.lexemes(w)))
                    .filter(a -> !a.isEmpty()).map(a -> "(" + a + ")").toList();
            if (!alternatives.isEmpty()) {
                groups.add("(" + String.join(" | ", alternatives) + ")");
            }
        }
        return groups.isEmpty() ? List.of() : exact(String.join(" & ", groups), language, kinds, topic, limit);
    }

    /**
     * The best {@code limit} of the candidates a query returns ({@code id}, {@code rank},
     * {@code published_at}, with {@code q} the text-search query), newer a little higher, with their snippets.
     */
    private List<Hit> ranked(String candidates, Language language, String query, List<String> kinds, String topic,
            int limit) {
        var statement = jdbc.sql("""
                WITH q AS (SELECT to_tsquery(CAST(:config AS regconfig), :query) AS query),
                top AS (SELECT id, rank * (1.0 + 0.2 / (1.0 + extract(epoch FROM now() - published_at) / 31536000.0)) AS score
                        FROM (""" + candidates + """
                ) AS candidates ORDER BY score DESC, id LIMIT :limit)
                SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic,
                       ts_headline(CAST(:config AS regconfig), d.summary || ' ' || left(b.body, 4000), q.query,
                                   'StartSel=\u27E6, StopSel=\u27E7, MaxWords=35, MinWords=15, ShortWord=2') AS snippet
                FROM top JOIN search_document d ON d.id = top.id JOIN search_body b ON b.document_id = top.id, q
                ORDER BY top.score DESC, d.id
                """).param("config", configuration(language)).param("query", query)
                .param("language", language.code()).param("limit", limit);
        return bind(statement, kinds, topic).query((rs, n) -> hit(rs)).list();
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

    /*
     * Misses are kept for the editors, not about anyone: a search that looks like it carries a person's
     * address, phone, document number or codice fiscale is not recorded at all, and the rest are kept
     * only aci.search.miss-retention (see SearchMissRetentionJob).
     */
    @Override
    public void recordMiss(String text, Language language) {
        String query = String.join(" ", words(text));
        if (query.isEmpty() || query.length() > 200 || mayIdentify(text)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO search_miss (language, query) VALUES (:language, :query)
                ON CONFLICT (language, query) DO UPDATE SET misses = search_miss.misses + 1, last_at = now(), updated_at = now()
                """).param("language", language.code()).param("query", query).update();
    }

    /** An e-mail address, five digits in a row (phone, document, permit number) or a codice fiscale. */
    static boolean mayIdentify(String text) {
        return text.indexOf('@') >= 0 || text.indexOf('\uFF20') >= 0 || IDENTIFYING.matcher(text).find();
    }

    /** What residents searched for and did not find, most frequent first; every language when blank. */
    List<Miss> misses(String language) {
        return jdbc.sql("""
                SELECT language, query, misses, last_at FROM search_miss
                WHERE :language = '' OR language = :language
                ORDER BY misses DESC, last_at DESC LIMIT 200
                """).param("language", language)
                .query((rs, n) -> new Miss(rs.getString("language"), rs.getString("query"), rs.getInt("misses"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** Forgets misses not searched again for longer than the retention. */
    int expireMisses(java.time.Duration retention) {
        return jdbc.sql("DELETE FROM search_miss WHERE last_at < now() - make_interval(secs => :seconds)")
                .param("seconds", retention.toSeconds()).update();
    }

    /** Words only (letters and digits in any script), lower case; at most ten. */
    static List<String> words(String text) {
        return words(text, 10);
    }

    private static List<String> words(String text, int most) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < most) {
            words.add(matcher.group());
        }
        return words;
    }

    /**
     * The text as the documents were folded ({@code unaccent}), before a query is built from it: folding
     * after building could turn letters into query syntax (see {@link TextQuery}).
     */
    private String fold(String text) {
        return jdbc.sql("SELECT unaccent(:text)").param("text", text).query(String.class).single();
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
