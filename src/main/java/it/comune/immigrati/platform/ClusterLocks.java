package it.comune.immigrati.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work that one node at a time must do (fetching a mailbox, a nightly job): a PostgreSQL advisory lock
 * held until the surrounding transaction ends, so several nodes on one database never do it twice.
 */
public final class ClusterLocks {

    private ClusterLocks() {
    }

    /** True if this transaction now holds {@code key}; false if another node holds it. Call inside a transaction. */
    public static boolean tryForTransaction(JdbcClient jdbc, long key) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", key).query(Boolean.class).single();
    }
}
