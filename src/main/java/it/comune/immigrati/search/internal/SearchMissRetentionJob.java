package it.comune.immigrati.search.internal;

import java.time.Duration;

import it.comune.immigrati.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night, searches nobody has repeated within {@code aci.search.miss-retention} are forgotten, and
 * so are the ids of deleted documents older than a day: every running node has read them long since, and
 * a node that starts reads the table whole.
 */
@Component
class SearchMissRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(SearchMissRetentionJob.class);

    private final SearchStore store;
    private final ClusterJobs jobs;
    private final TransactionTemplate transactions;
    private final Duration retention;

    SearchMissRetentionJob(SearchStore store, ClusterJobs jobs, TransactionTemplate transactions,
            @Value("${aci.search.miss-retention:90d}") Duration retention) {
        this.store = store;
        this.jobs = jobs;
        this.transactions = transactions;
        this.retention = retention;
    }

    @Scheduled(cron = "${aci.search.miss-retention-cron:0 50 3 * * *}", zone = "Europe/Rome")
    void expire() {
        Integer deleted = transactions.execute(status -> {
            if (!jobs.exclusive("search-miss-retention")) {
                return 0;
            }
            store.forgetRemovals(IndexFollower.REMOVALS_KEPT);
            return store.expireMisses(retention);
        });
        if (deleted != null && deleted > 0) {
            log.info("Search misses older than {}: {} forgotten", retention, deleted);
        }
    }
}
