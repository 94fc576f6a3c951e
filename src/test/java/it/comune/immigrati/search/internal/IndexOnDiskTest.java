package it.comune.immigrati.search.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;

import javax.sql.DataSource;

import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node's index stays on disk between starts: the next start reads only what changed while the node was
 * stopped, and rebuilds when the index cannot be trusted (another database, an emptied table, a database
 * older than the index).
 */
@AciTest
class IndexOnDiskTest {

    @Autowired
    SearchIndex index;

    @Autowired
    IndexFollower applicationFollower;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final Path directory = Path.of("target/test-data/index-on-disk-" + java.util.UUID.randomUUID());

    private void publish(String ref) {
        transactions.executeWithoutResult(s -> index.put(new SearchIndex.Document("test", ref, Language.IT, "Documento " + ref,
                "Sintesi di prova.", "Testo di prova.", "/test/" + ref, null, Instant.now())));
    }

    private int documents() {
        return jdbc.sql("SELECT count(*) FROM search_document").query(Integer.class).single();
    }

    private HashSet<Long> tableIds() {
        return new HashSet<>(jdbc.sql("SELECT id FROM search_document").query(Long.class).list());
    }

    /** Starts a node on the directory, runs its first catch-up and stops it; returns how many rows it read. */
    private int startAndStop(java.util.function.Consumer<IndexFollower> whileRunning) throws Exception {
        try (LuceneIndex node = new LuceneIndex(new LanguageAnalysis(), directory)) {
            IndexFollower follower = new IndexFollower(dataSource, node);
            int read = follower.catchUp();
            assertThat(new HashSet<>(follower.indexedIds())).isEqualTo(tableIds());
            whileRunning.accept(follower);
            return read;
        }
    }

    @Test
    void aRestartedNodeReadsOnlyWhatChangedWhileItWasStopped() throws Exception {
        publish("disco-primo");
        int all = documents();
        assertThat(startAndStop(follower -> { })).as("the first start reads every row").isEqualTo(all);

        // while the node is stopped: one new document, one deleted
        publish("disco-secondo");
        jdbc.sql("DELETE FROM search_document WHERE kind = 'test' AND ref = 'disco-primo'").update();
        assertThat(startAndStop(follower -> { })).as("one put, one removal").isBetween(2, 10);

        // a change followed while running is there at the next start, committed when the node stopped
        assertThat(startAndStop(follower -> {
            publish("disco-terzo");
            follower.catchUp();
        })).isLessThan(10);
        assertThat(startAndStop(follower -> { })).isLessThan(10);
        assertThat(jdbc.sql("SELECT count(*) FROM search_document WHERE ref = 'disco-terzo'").query(Integer.class).single()).isOne();
    }

    @Test
    void anIndexAheadOfTheDatabaseIsRebuilt() throws Exception {
        startAndStop(follower -> { });
        try (LuceneIndex node = new LuceneIndex(new LanguageAnalysis(), directory)) {
            // as after restoring the database from a backup older than the index
            Map<String, String> data = new java.util.HashMap<>(node.committed());
            data.put("horizon", "999999999999");
            node.record(data);
            node.commit();
        }
        assertThat(startAndStop(follower -> { })).isEqualTo(documents());
    }

    @Test
    void anIndexOfAnotherFormatIsRebuilt() throws Exception {
        startAndStop(follower -> { });
        try (LuceneIndex node = new LuceneIndex(new LanguageAnalysis(), directory)) {
            Map<String, String> data = new java.util.HashMap<>(node.committed());
            data.put("format", "1999-01-01");
            node.record(data);
            node.commit();
        }
        assertThat(startAndStop(follower -> { })).isEqualTo(documents());
    }

    /**
     * TRUNCATE leaves no removals behind, so it gives the database a new origin (checked in a transaction
     * rolled back, not to empty the shared database); a new origin makes running and stopped nodes rebuild.
     */
    @Test
    void anEmptiedTableIsSeenByRunningAndStoppedNodes() throws Exception {
        String before = jdbc.sql("SELECT id::text FROM search_origin").query(String.class).single();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("TRUNCATE search_document CASCADE").update();
            assertThat(jdbc.sql("SELECT id::text FROM search_origin").query(String.class).single()).isNotEqualTo(before);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT id::text FROM search_origin").query(String.class).single()).isEqualTo(before);

        startAndStop(follower -> { });
        int rebuilds = applicationFollower.rebuilds();
        jdbc.sql("UPDATE search_origin SET id = gen_random_uuid()").update();
        assertThat(startAndStop(follower -> { })).as("the stopped node rebuilds").isEqualTo(documents());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(applicationFollower.rebuilds()).isGreaterThan(rebuilds));
        assertThat(new HashSet<>(applicationFollower.indexedIds())).isEqualTo(tableIds());
    }
}
