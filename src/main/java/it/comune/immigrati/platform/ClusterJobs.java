package it.comune.immigrati.platform;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduled work on several nodes against one database: every node's scheduler fires, one node does the
 * work. Both calls belong inside the transaction that does the work, so a job that fails half-way
 * leaves no mark and runs again next time.
 */
@Component
public class ClusterJobs {

    private final JdbcClient jdbc;

    ClusterJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True for the first caller, on any node, of {@code job} for {@code day} (a daily digest, a weekly
     * reminder); false for every later one. The mark is a {@code job_run} row written by this transaction.
     */
    public boolean once(String job, LocalDate day) {
        return jdbc.sql("INSERT INTO job_run (job, day) VALUES (:job, :day) ON CONFLICT DO NOTHING")
                .param("job", job).param("day", day).update() == 1;
    }

    /**
     * True if this transaction now has {@code job} to itself (fetching a mailbox, a nightly clean-up);
     * false while another node's transaction has it. A PostgreSQL advisory lock keyed by the job's name,
     * released when the transaction ends.
     */
    public boolean exclusive(String job) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:job, 0))").param("job", job)
                .query(Boolean.class).single();
    }
}
