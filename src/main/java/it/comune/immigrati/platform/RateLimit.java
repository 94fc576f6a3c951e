package it.comune.immigrati.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * How much of something one key (a client address, a mailbox, a private link) may do in a period:
 * {@code count} per {@code period}, given back gradually over it. Kept per node in a bounded map; with
 * several nodes behind a proxy each enforces its own share, which still stops a flood or makes guessing
 * hopeless. Thread-safe without a lock of its own (one lock around every submission made a queue, bench).
 * Every limit of the application is one of these, configured by the module that owns the rule.
 */
public final class RateLimit {

    private static final int TRACKED = 20_000;

    private final int count;
    private final Duration period;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(TRACKED).build();

    private RateLimit(int count, Duration period) {
        if (count < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs a positive count and period: " + count + " per " + period);
        }
        this.count = count;
        this.period = period;
    }

    public static RateLimit of(int count, Duration period) {
        return new RateLimit(count, period);
    }

    public static RateLimit perHour(int count) {
        return new RateLimit(count, Duration.ofHours(1));
    }

    /** Whether {@code key} has {@code n} left, without taking them. */
    public boolean has(String key, int n) {
        Bucket bucket = buckets.getIfPresent(key);
        return n == 0 || (bucket == null ? n <= count : bucket.getAvailableTokens() >= n);
    }

    /** Whether {@code key} has used up its allowance (a client refused for too many failures). */
    public boolean exhausted(String key) {
        return !has(key, 1);
    }

    /** Takes {@code n} from {@code key}'s allowance if it has them; false (and nothing taken) otherwise. */
    public boolean tryTake(String key, int n) {
        return n == 0 || bucket(key).tryConsume(n);
    }

    /** Counts one use whatever is left (a failure counted against a client). */
    public void take(String key) {
        bucket(key).tryConsume(1);
    }

    /**
     * Takes one from each of two allowances, or from neither: a submission counts against both the
     * client and the mailbox, and one refused by either must not use up the other.
     */
    public static boolean tryTakeBoth(RateLimit first, String firstKey, RateLimit second, String secondKey) {
        if (!first.has(firstKey, 1) || !second.has(secondKey, 1)) {
            return false;
        }
        if (!first.tryTake(firstKey, 1)) {
            return false;
        }
        if (!second.tryTake(secondKey, 1)) {
            first.giveBack(firstKey, 1);
            return false;
        }
        return true;
    }

    /** Returns {@code n} taken a moment ago, when the step they were taken for was refused further on. */
    public void giveBack(String key, int n) {
        if (n > 0) {
            bucket(key).addTokens(n);
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, period).build()).build());
    }
}
