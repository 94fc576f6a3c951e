package it.comune.immigrati.appointments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;

/**
 * The free times this node last worked out, per service and office. At the minute new times open,
 * hundreds of people ask for the same list at once: one of them works it out and the others wait for
 * that answer instead of each asking the database again. A list that has only grown older than its
 * lifetime keeps being served while one request works out the next; a list from before a change of
 * this node ({@link #forget}) is never served.
 */
final class FreeTimes {

    /**
     * One worked-out list.
     *
     * @param at         the application clock when it was begun (tests move that clock)
     * @param nanos      the machine's clock then
     * @param generation the count of forgettings when it was begun: a list begun while a change committed
     *                   may miss that change, so it is good only for that generation
     */
    private record Known(List<Slot> slots, Instant at, long nanos, long generation) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Known>> working = new ConcurrentHashMap<>();

    /**
     * The list for {@code key}: the known one when it is younger than {@code lifetime}, otherwise worked
     * out by {@code work}, once for all who ask at the same time.
     */
    List<Slot> get(String key, Instant now, Duration lifetime, Supplier<List<Slot>> work) {
        long current = generation.get();
        Known last = known.get(key);
        if (last != null && last.generation() == current && youngerThan(last, now, lifetime)) {
            return last.slots();
        }
        CompletableFuture<Known> mine = new CompletableFuture<>();
        CompletableFuture<Known> theirs = working.putIfAbsent(key, mine);
        if (theirs != null) {
            // only time has passed since the last list (twice its lifetime at most): it is still the best answer
            if (last != null && last.generation() == current && youngerThan(last, now, lifetime.multipliedBy(2))) {
                return last.slots();
            }
            Known answer = await(theirs);
            return answer.generation() == current ? answer.slots() : work.get();
        }
        try {
            Known fresh = new Known(List.copyOf(work.get()), now, System.nanoTime(), current);
            known.put(key, fresh);
            mine.complete(fresh);
            return fresh.slots();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            working.remove(key, mine);
        }
    }

    /** Forgets every list (a booking, a cancellation, a change of hours or staff). */
    void forget() {
        generation.incrementAndGet();
        known.clear();
    }

    /** Rises with every {@link #forget}: what was shown before a change differs from what is shown after it. */
    long generation() {
        return generation.get();
    }

    private static boolean youngerThan(Known list, Instant now, Duration age) {
        return System.nanoTime() - list.nanos() <= age.toNanos() && Duration.between(list.at(), now).abs().compareTo(age) <= 0;
    }

    private static Known await(CompletableFuture<Known> working) {
        try {
            return working.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
