package it.comune.immigrati.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > TRACKED;
        }
    };

    /** {@code failures} allowed per {@code period}, given back gradually over it. */
    public ClientThrottle(int failures, Duration period) {
        this.failures = failures;
        this.period = period;
    }

    /** Whether the client has used up its failures and must be refused, whatever it asks. */
    public synchronized boolean refuses(String client) {
        Bucket bucket = buckets.get(client);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    /** Counts one failure of the client. */
    public synchronized void failed(String client) {
        buckets.computeIfAbsent(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build()).build())
                .tryConsume(1);
    }
}
