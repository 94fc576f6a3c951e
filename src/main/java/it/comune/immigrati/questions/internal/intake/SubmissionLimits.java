package it.comune.immigrati.questions.internal.intake;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import org.springframework.stereotype.Component;

/**
 * How often one client (IP address) and one e-mail address (mailbox) may submit, and how often a
 * question's private page takes messages and files. Kept per node in a bounded map;
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
        Bucket byAddress = bucket("mail:" + mailbox(email), settings.submissionsPerAddressPerHour());
        if (byClient.getAvailableTokens() < 1 || byAddress.getAvailableTokens() < 1) {
            return false;
        }
        return byClient.tryConsume(1) && byAddress.tryConsume(1);
    }

    /**
     * The mailbox an address delivers to, for counting: lower case and without a {@code +tag} sub-address,
     * since ali+1@x.it and ali+2@x.it reach the same person and would otherwise each have an allowance.
     */
    static String mailbox(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        int plus = address.indexOf('+');
        return plus >= 0 && plus < at ? address.substring(0, plus) + address.substring(at) : address;
    }

    /**
     * Takes one message with {@code files} attachments from a question's private-page allowances (per
     * question, so that whoever holds a link cannot flood the desk or its storage); false if either is used up.
     */
    boolean allowPrivateMessage(String accessToken, int files) {
        Bucket messages = bucket("private-messages:" + accessToken, settings.privateMessagesPerHour());
        Bucket uploads = bucket("private-uploads:" + accessToken, settings.privateUploadsPerHour());
        if (messages.getAvailableTokens() < 1 || uploads.getAvailableTokens() < files) {
            return false;
        }
        return messages.tryConsume(1) && (files == 0 || uploads.tryConsume(files));
    }

    private Bucket bucket(String key, int perHour) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
    }
}
