package it.comune.immigrati.platform;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Work that one node at a time does, on the real database, from two transactions at once. */
@AciTest
class ClusterJobsTest {

    @Autowired
    ClusterJobs jobs;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anExclusiveJobIsHeldByOneTransactionUntilItEnds() throws Exception {
        String job = "test-exclusive-" + System.nanoTime();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> Boolean.TRUE.equals(transactions.execute(status -> {
            boolean mine = jobs.exclusive(job);
            held.countDown();
            await(release);
            return mine;
        })));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exclusiveNow(job)).as("another node meanwhile").isFalse();
        assertThat(exclusiveNow(job + "-other")).as("another job").isTrue();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exclusiveNow(job)).as("free again after the commit").isTrue();
    }

    @Test
    void aDailyJobRunsOncePerDayAndAgainIfItsTransactionFailed() {
        String job = "test-daily-" + System.nanoTime();
        LocalDate day = LocalDate.of(2026, 12, 1);
        transactions.execute(status -> {
            assertThat(jobs.once(job, day)).isTrue();
            status.setRollbackOnly(); // the work failed half-way
            return null;
        });
        assertThat(onceNow(job, day)).as("not marked by the failed run").isTrue();
        assertThat(onceNow(job, day)).isFalse();
        assertThat(onceNow(job, day.plusDays(1))).isTrue();
    }

    private boolean exclusiveNow(String job) {
        return Boolean.TRUE.equals(transactions.execute(status -> jobs.exclusive(job)));
    }

    private boolean onceNow(String job, LocalDate day) {
        return Boolean.TRUE.equals(transactions.execute(status -> jobs.once(job, day)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
