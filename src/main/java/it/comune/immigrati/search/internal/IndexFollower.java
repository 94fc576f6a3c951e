package it.comune.immigrati.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a {@link LuceneIndex} equal to {@code search_document}: at the first run, goes on from where the
 * index on disk was last committed, or reads every row; then only what changed since the previous run.
 *
 * <p>Each row carries the id of the transaction that last wrote it ({@code change}, set by a trigger), and
 * each deleted row leaves its id in {@code search_removal} with the deleting transaction's. A run first
 * takes the oldest transaction still running ({@code pg_snapshot_xmin}), then reads the rows written by
 * transactions from the previous run's horizon on. Every transaction that was not yet visible to the read
 * has an id at least that horizon, so the next run sees it: nothing committed late is skipped, whatever
 * the order of commits, on any number of nodes. A row may be read twice; writing it again is harmless.
 *
 * <p>Each commit of the index records that horizon, so a node that stopped (or crashed: it then reads again
 * what came after its last commit) goes on from there at start, in milliseconds rather than the minute
 * that reading 10^5 documents takes. A TRUNCATE of the table (no row triggers) gives the database a new
 * origin, and every node rebuilds.
 */
final class IndexFollower {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final LuceneIndex index;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    /** How long the ids of deleted documents are kept for nodes that were stopped (see {@link #REBUILT_AFTER}). */
    static final Duration REMOVALS_KEPT = Duration.ofDays(31);
    /** An index built longer ago than this is rebuilt at start rather than followed. */
    static final Duration REBUILT_AFTER = Duration.ofDays(30);
    /** Commits cost a few file syncs; a node that crashes between two reads the last minute again. */
    private static final Duration COMMIT_EVERY = Duration.ofMinutes(1);

    private static final String FORMAT = "format";
    private static final String ORIGIN = "origin";
    private static final String BUILT = "built";
    private static final String HORIZON = "horizon";

    /** The horizon of the last run, as PostgreSQL writes an xid8; null before the first. */
    private volatile String horizon;
    /** The database the index was built from (search_origin); null before the first run. */
    private String origin;
    private Instant built;
    private boolean dirty;
    private volatile int rebuilds;
    private long committedAt = System.nanoTime();

    IndexFollower(DataSource dataSource, LuceneIndex index) {
        this.index = index;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        // called right after a commit too, while that transaction's connection is still bound to the thread
        this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    boolean started() {
        return horizon != null;
    }

    /**
     * Brings the index up to date with the table. The first call goes on from the index's last commit
     * when that index was built from this database in this format (see {@link #stale}), and otherwise
     * rebuilds it from every row. Not for two threads at once.
     */
    synchronized int catchUp() {
        long began = System.nanoTime();
        boolean first = horizon == null;
        int[] changed = { 0 };
        String[] rebuilt = { null };
        String next = readOnly.execute(status -> {
            Snapshot now = jdbc.queryForObject("""
                    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
                           coalesce((SELECT id::text FROM search_origin ORDER BY created_at LIMIT 1), '') AS origin
                    """, (rs, n) -> new Snapshot(rs.getString("xmin"), rs.getString("origin")));
            String from = horizon;
            if (!now.origin().equals(origin)) {
                // the first run, or the table was emptied (TRUNCATE gives the database a new origin)
                Map<String, String> committed = first ? index.committed() : Map.of();
                String reason = first ? stale(committed, now.origin()) : "the documents were emptied";
                if (reason == null) {
                    from = committed.get(HORIZON);
                    built = Instant.parse(committed.get(BUILT));
                } else {
                    index.clear();
                    from = null;
                    built = Instant.now();
                    rebuilt[0] = reason;
                    rebuilds++;
                }
                origin = now.origin();
            }
            if (from != null) {
                List<Long> removed = jdbc.queryForList(
                        "SELECT document_id FROM search_removal WHERE change >= CAST(? AS xid8)", Long.class, from);
                index.remove(removed);
                changed[0] += removed.size();
            }
            jdbc.query("""
                    SELECT d.id, d.kind, d.ref, d.language, d.title, d.summary, d.url, d.topic, d.published_at,
                           coalesce(b.body, '') AS body
                    FROM search_document d LEFT JOIN search_body b ON b.document_id = d.id
                    """ + (from == null ? "" : "WHERE d.change >= CAST(? AS xid8)"), rs -> {
                Language language = Language.byCode(rs.getString("language")).orElse(null);
                if (language != null) {
                    index.put(new LuceneIndex.Row(rs.getLong("id"), rs.getString("kind"), rs.getString("ref"), language,
                            rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("url"),
                            rs.getString("topic"), rs.getTimestamp("published_at").toInstant()));
                    changed[0]++;
                }
            }, from == null ? new Object[0] : new Object[] { from });
            return now.xmin();
        });
        horizon = next;
        if (changed[0] > 0 || first || rebuilt[0] != null) {
            index.refresh();
            index.record(Map.of(FORMAT, LuceneIndex.FORMAT, ORIGIN, origin, BUILT, built.toString(), HORIZON, next));
            dirty = true;
        }
        if (dirty && (first || rebuilt[0] != null || System.nanoTime() - committedAt > COMMIT_EVERY.toNanos())) {
            index.commit(); // else at the next run after a minute, or when the index is closed
            committedAt = System.nanoTime();
            dirty = false;
        }
        long took = (System.nanoTime() - began) / 1_000_000;
        if (rebuilt[0] != null) {
            log.info("Search index built from {} documents in {} ms ({})", changed[0], took, rebuilt[0]);
        } else if (first) {
            log.info("Search index of {} documents opened; {} changes since it was last written followed in {} ms",
                    index.size(), changed[0], took);
        } else if (changed[0] >= 1000) {
            log.info("Search index followed {} changes in {} ms", changed[0], took);
        }
        return changed[0];
    }

    private record Snapshot(String xmin, String origin) {
    }

    /**
     * Why the index found at start cannot be followed from its last commit, or null if it can: it must have
     * been written in this format, from this database, within {@link #REBUILT_AFTER} of its building (the
     * removals it needs are kept longer than that, and freshness is recomputed), and its horizon must not be
     * ahead of the database (a database restored from an older backup).
     */
    private String stale(Map<String, String> committed, String currentOrigin) {
        if (committed.get(HORIZON) == null || committed.get(BUILT) == null) {
            return "no index yet";
        }
        if (!LuceneIndex.FORMAT.equals(committed.get(FORMAT))) {
            return "the index was written in format " + committed.get(FORMAT) + ", this version writes " + LuceneIndex.FORMAT;
        }
        if (!currentOrigin.equals(committed.get(ORIGIN))) {
            return "the index was built from another database";
        }
        if (Instant.parse(committed.get(BUILT)).isBefore(Instant.now().minus(REBUILT_AFTER))) {
            return "the index was built more than " + REBUILT_AFTER.toDays() + " days ago";
        }
        Boolean ahead = jdbc.queryForObject("SELECT CAST(? AS xid8) > pg_snapshot_xmax(pg_current_snapshot())", Boolean.class,
                committed.get(HORIZON));
        return Boolean.TRUE.equals(ahead) ? "the database is older than the index (restored from a backup?)" : null;
    }

    /** How many times this follower built the index from every row (for tests and the log). */
    int rebuilds() {
        return rebuilds;
    }

    /** For tests: the ids of the documents this node's index holds, in no order. */
    List<Long> indexedIds() {
        var searcher = index.acquire();
        try {
            List<Long> ids = new ArrayList<>();
            var reader = searcher.getIndexReader();
            var liveDocs = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            var fields = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (liveDocs == null || liveDocs.get(doc)) {
                    ids.add(Long.parseLong(fields.document(doc).get(LuceneIndex.ID)));
                }
            }
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }
}
