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
            org.awaitility.Awaitility.await("the mailbox keeps polling while the outbox is stuck").atMost(Duration.ofSeconds(5))
                    .until(() -> runs.get() >= 5);
            assertThat(stuck.getCount()).isZero();
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
        org.awaitility.Awaitility.await("runs after a failing one").atMost(Duration.ofSeconds(5)).until(() -> runs.get() > 2);
        poller.stop();
    }
}
