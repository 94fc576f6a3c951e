package it.comune.immigrati.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each poller has its own thread: one stuck on a silent network peer does not stop another. */
class PollerTest {

    @Test
    void aStuckPollerDoesNotStopTheOthers() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Poller outbox = new Poller("stuck", Duration.ofMillis(50), () -> {
            stuck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Poller mailbox = new Poller("mailbox", Duration.ofMillis(50), runs::incrementAndGet);
        outbox.start();
        mailbox.start();
        try {
            assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600);
            assertThat(runs.get()).as("the mailbox kept polling while the outbox was stuck").isGreaterThanOrEqualTo(5);
        } finally {
            release.countDown();
            outbox.stop();
            mailbox.stop();
        }
        assertThat(outbox.isRunning()).isFalse();
    }

    @Test
    void aFailingRunIsFollowedByTheNext() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Poller poller = new Poller("failing", Duration.ofMillis(20), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        poller.start();
        Thread.sleep(300);
        poller.stop();
        assertThat(runs.get()).isGreaterThan(2);
    }
}
