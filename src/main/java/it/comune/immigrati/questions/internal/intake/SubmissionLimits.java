package it.comune.immigrati.questions.internal.intake;

import java.util.Locale;

import it.comune.immigrati.platform.RateLimit;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import org.springframework.stereotype.Component;

/**
 * How often one client (IP address) and one e-mail address (mailbox) may submit, and how often a
 * question's private page takes messages and files: the desk's rules, each a platform {@link RateLimit}.
 */
@Component
class SubmissionLimits {

    private final RateLimit unverified;
    private final RateLimit byClient;
    private final RateLimit byMailbox;
    private final RateLimit privateMessages;
    private final RateLimit privateUploads;

    SubmissionLimits(QuestionsProperties settings) {
        this.unverified = RateLimit.perHour(settings.unverifiedSubmissionsPerClientPerHour());
        this.byClient = RateLimit.perHour(settings.submissionsPerClientPerHour());
        this.byMailbox = RateLimit.perHour(settings.submissionsPerAddressPerHour());
        this.privateMessages = RateLimit.perHour(settings.privateMessagesPerHour());
        this.privateUploads = RateLimit.perHour(settings.privateUploadsPerHour());
    }

    /**
     * Takes one submission from the client's and the address's allowances; false if either is used up.
     * A client that did not solve the proof of work draws on a much smaller allowance.
     */
    boolean allow(String client, String email, boolean proofOfWork) {
        if (proofOfWork) {
            return allow(client, email);
        }
        // taken first, given back if refused further on: checking and taking later let parallel requests through
        if (!unverified.tryTake(client, 1)) {
            return false;
        }
        if (!allow(client, email)) {
            unverified.giveBack(client, 1);
            return false;
        }
        return true;
    }

    /** Takes one submission from both allowances; false if either is used up. */
    boolean allow(String client, String email) {
        return RateLimit.tryTakeBoth(byClient, client, byMailbox, mailbox(email));
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
        if (!privateMessages.tryTake(accessToken, 1)) {
            return false;
        }
        if (!privateUploads.tryTake(accessToken, files)) {
            privateMessages.giveBack(accessToken, 1);
            return false;
        }
        return true;
    }
}
