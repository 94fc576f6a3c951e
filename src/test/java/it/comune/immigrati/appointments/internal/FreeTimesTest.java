package it.comune.immigrati.appointments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many asking at once work the list out once; a list from before a change is never served after it. */
class FreeTimesTest {

    private static final Instant NINE = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static List<Slot> at(Instant start) {
        return List.of(new Slot(start, start.plus(Duration.ofMinutes(30))));
    }

    @Test
    void sixteenCallersAtOnceWorkTheListOutOnce() throws Exception {
        FreeTimes times = new FreeTimes();
        AtomicInteger worked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Supplier<List<Slot>> slow = () -> {
            worked.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return at(NINE);
        };
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Slot>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> times.get("s/o", NINE, SECOND, slow)));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<List<Slot>> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(at(NINE));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(worked).hasValue(1);
    }

    @Test
    void aChangeOrAMovedClockMeansANewList() {
        FreeTimes times = new FreeTimes();
        assertThat(times.get("s/o", NINE, SECOND, () -> at(NINE))).isEqualTo(at(NINE));
        assertThat(times.get("s/o", NINE, SECOND, () -> at(NINE.plusSeconds(1800)))).as("remembered").isEqualTo(at(NINE));

        long before = times.generation();
        times.forget();
        assertThat(times.generation()).isGreaterThan(before);
        assertThat(times.get("s/o", NINE, SECOND, () -> at(NINE.plusSeconds(1800)))).isEqualTo(at(NINE.plusSeconds(1800)));

        Instant later = NINE.plus(Duration.ofHours(2));
        assertThat(times.get("s/o", later, SECOND, () -> at(later))).as("the clock moved on").isEqualTo(at(later));
        assertThat(times.get("other", later, SECOND, () -> at(NINE))).as("another desk has its own").isEqualTo(at(NINE));
    }

    @Test
    void aFailedWorkingOutIsNotRemembered() {
        FreeTimes times = new FreeTimes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> times.get("s/o", NINE, SECOND, () -> {
            throw new IllegalStateException("database away");
        })).hasMessage("database away");
        assertThat(times.get("s/o", NINE, SECOND, () -> at(NINE))).isEqualTo(at(NINE));
    }
}
