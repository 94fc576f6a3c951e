package it.comune.immigrati.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * How many failures (wrong passwords, unknown private links) one client may have in a period before it
 * is refused for a while. Counted per node in a bounded map: with several nodes behind a proxy each
 * enforces its own share, which still makes guessing hopeless.
 */
public final class ClientThrottle {

    private static final int TRACKED = 20_000;

    private final int failures;
    private final Duration period;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(TRACKED).build();

    /** {@code failures} allowed per {@code period}, given back gradually over it. */
    public ClientThrottle(int failures, Duration period) {
        this.failures = failures;
        this.period = period;
    }

    /** Whether the client has used up its failures and must be refused, whatever it asks. */
    public boolean refuses(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    /** Counts one failure of the client. */
    public void failed(String client) {
        buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build()).build())
                .tryConsume(1);
    }
}
