package it.comune.immigrati.search.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a {@link LuceneIndex} equal to {@code search_document}: reads every row at the first run, then
 * only what changed since the previous run.
 *
 * <p>Each row carries the id of the transaction that last wrote it ({@code change}, set by a trigger), and
 * each deleted row leaves its id in {@code search_removal} with the deleting transaction's. A run first
 * takes the oldest transaction still running ({@code pg_snapshot_xmin}), then reads the rows written by
 * transactions from the previous run's horizon on. Every transaction that was not yet visible to the read
 * has an id at least that horizon, so the next run sees it: nothing committed late is skipped, whatever
 * the order of commits, on any number of nodes. A row may be read twice; writing it again is harmless.
 */
final class IndexFollower {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final LuceneIndex index;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    /** The horizon of the last run, as PostgreSQL writes an xid8; null before the first. */
    private volatile String horizon;

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

    /** Brings the index up to date with the table; the first call reads it all. Not for two threads at once. */
    synchronized int catchUp() {
        long began = System.nanoTime();
        boolean first = horizon == null;
        int[] changed = { 0 };
        String next = readOnly.execute(status -> {
            String taken = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
            if (!first) {
                List<Long> removed = jdbc.queryForList(
                        "SELECT document_id FROM search_removal WHERE change >= CAST(? AS xid8)", Long.class, horizon);
                index.remove(removed);
                changed[0] += removed.size();
            }
            jdbc.query("""
                    SELECT d.id, d.kind, d.ref, d.language, d.title, d.summary, d.url, d.topic, d.published_at,
                           coalesce(b.body, '') AS body
                    FROM search_document d LEFT JOIN search_body b ON b.document_id = d.id
                    """ + (first ? "" : "WHERE d.change >= CAST(? AS xid8)"), rs -> {
                Language language = Language.byCode(rs.getString("language")).orElse(null);
                if (language != null) {
                    index.put(new LuceneIndex.Row(rs.getLong("id"), rs.getString("kind"), rs.getString("ref"), language,
                            rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("url"),
                            rs.getString("topic"), rs.getTimestamp("published_at").toInstant()));
                    changed[0]++;
                }
            }, first ? new Object[0] : new Object[] { horizon });
            return taken;
        });
        if (changed[0] > 0 || first) {
            index.refresh();
        }
        horizon = next;
        long took = (System.nanoTime() - began) / 1_000_000;
        if (first) {
            log.info("Search index built from {} documents in {} ms", changed[0], took);
        } else if (changed[0] >= 1000) {
            log.info("Search index followed {} changes in {} ms", changed[0], took);
        }
        return changed[0];
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
