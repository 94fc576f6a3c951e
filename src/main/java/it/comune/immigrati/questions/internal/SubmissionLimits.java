package it.comune.immigrati.questions.internal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * How often one client (IP address) and one e-mail address may submit. Kept per node in a bounded map;
 * with several nodes each enforces its own share, which still stops a flood. No lock of our own: the
 * buckets are thread-safe, and one lock around every submission made a queue of all of them (bench).
 */
@Component
class SubmissionLimits {

    private static final int TRACKED = 20_000;

    private final QuestionsProperties settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(TRACKED).build();

    SubmissionLimits(QuestionsProperties settings) {
        this.settings = settings;
    }

    /**
     * Takes one submission from the client's and the address's allowances; false if either is used up.
     * A client that did not solve the proof of work draws on a much smaller allowance.
     */
    boolean allow(String client, String email, boolean proofOfWork) {
        if (!proofOfWork && bucket("unverified:" + client, settings.unverifiedSubmissionsPerClientPerHour())
                .getAvailableTokens() < 1) {
            return false;
        }
        boolean allowed = allow(client, email);
        if (allowed && !proofOfWork) {
            bucket("unverified:" + client, settings.unverifiedSubmissionsPerClientPerHour()).tryConsume(1);
        }
        return allowed;
    }

    /** Takes one submission from both allowances; false if either is used up. */
    boolean allow(String client, String email) {
        Bucket byClient = bucket("ip:" + client, settings.submissionsPerClientPerHour());
        Bucket byAddress = bucket("mail:" + email.toLowerCase(Locale.ROOT), settings.submissionsPerAddressPerHour());
        if (byClient.getAvailableTokens() < 1 || byAddress.getAvailableTokens() < 1) {
            return false;
        }
        return byClient.tryConsume(1) && byAddress.tryConsume(1);
    }

    private Bucket bucket(String key, int perHour) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
    }
}
