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
import it.comune.immigrati.site.Language;
import it.comune.immigrati.platform.Poller;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

/**
 * The SQL of the search module: the {@code search_document} table that modules write through
 * {@link SearchIndex} (the one source of truth; each node's Lucene index follows it, see
 * {@link IndexFollower}), the newest documents of a topic, and the searches that found nothing.
 */
@Service
class SearchStore implements SearchIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern IDENTIFYING = Pattern.compile(
            "\\p{Nd}{5}|\\p{Nd}(?:[ .\\-/]?\\p{Nd}){6}|\\b[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]\\b");
    private static final Object CATCH_UP_AFTER_COMMIT = new Object();

    private final JdbcClient jdbc;
    private final PublicContent content;
    private final Poller follower;

    SearchStore(JdbcClient jdbc, PublicContent content, @Qualifier("searchIndexFollower") Poller follower) {
        this.jdbc = jdbc;
        this.content = content;
        this.follower = follower;
    }

    @Override
    public void put(Document document) {
        content.changed();
        long id = jdbc.sql("""
                INSERT INTO search_document (kind, ref, language, title, summary, url, topic, published_at)
                VALUES (:kind, :ref, :language, :title, :summary, :url, :topic, :published)
                ON CONFLICT (kind, ref, language) DO UPDATE SET
                    title = EXCLUDED.title, summary = EXCLUDED.summary, url = EXCLUDED.url, topic = EXCLUDED.topic,
                    published_at = EXCLUDED.published_at, updated_at = now()
                RETURNING id
                """).param("kind", document.kind()).param("ref", document.ref())
                .param("language", document.language().code()).param("title", document.title())
                .param("summary", nonNull(document.summary())).param("url", document.url()).param("topic", document.topic())
                .param("published", Timestamp.from(document.publishedAt() == null ? Instant.now() : document.publishedAt()))
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO search_body (document_id, language, body) VALUES (:id, :language, :body)
                ON CONFLICT (document_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
                """).param("id", id).param("language", document.language().code()).param("body", nonNull(document.body()))
                .update();
        catchUpAfterCommit();
    }

    /*
     * This node's index follows the table on its own within a poll interval; after a write of its own it
     * catches up as soon as the transaction commits, so that whoever published reads it at once.
     */
    private void catchUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            follower.runOnce();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(CATCH_UP_AFTER_COMMIT)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(CATCH_UP_AFTER_COMMIT, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                follower.runOnce();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CATCH_UP_AFTER_COMMIT);
            }
        });
    }

    @Override
    public void remove(String kind, String ref) {
        content.changed();
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref = :ref").param("kind", kind).param("ref", ref)
                .update();
        catchUpAfterCommit();
    }

    @Override
    public void remove(String kind, String ref, Language language) {
        content.changed();
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref = :ref AND language = :language")
                .param("kind", kind).param("ref", ref).param("language", language.code()).update();
        catchUpAfterCommit();
    }

    /** The newest documents of one kind on one topic in {@code language}. */
    List<Search.Hit> newest(String kind, String topic, Language language, int limit) {
        return jdbc.sql("""
                SELECT d.kind, d.ref, d.title, d.summary, d.url, d.topic, left(d.summary, 240) AS snippet
                FROM search_document d
                WHERE d.language = :language AND d.kind = :kind AND d.topic = :topic
                ORDER BY d.published_at DESC, d.id
                LIMIT :limit
                """).param("language", language.code()).param("kind", kind).param("topic", topic).param("limit", limit)
                .query((rs, n) -> hit(rs)).list();
    }

    /*
     * Misses are kept for the editors, not about anyone: a search that looks like it carries a person's
     * address, phone, document number or codice fiscale is not recorded at all, and the rest are kept
     * only aci.search.miss-retention (see SearchMissRetentionJob).
     */
    void recordMiss(String text, Language language) {
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

    /** Forgets the ids of documents deleted longer ago than {@code age} (see IndexFollower). */
    int forgetRemovals(java.time.Duration age) {
        return jdbc.sql("DELETE FROM search_removal WHERE created_at < now() - make_interval(secs => :seconds)")
                .param("seconds", age.toSeconds()).update();
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

    private static Search.Hit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        String snippet = HtmlUtils.htmlEscape(rs.getString("snippet"), "UTF-8");
        return new Search.Hit(rs.getString("kind"), rs.getString("ref"), rs.getString("title"), rs.getString("summary"),
                rs.getString("url"), rs.getString("topic"), snippet);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
