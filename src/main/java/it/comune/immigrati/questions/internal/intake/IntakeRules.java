package it.comune.immigrati.questions.internal.intake;

import it.comune.immigrati.platform.Topics;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;

/**
 * What a new question must satisfy, whichever channel brought it, within that channel's limits
 * ({@link ChannelRules}). Returns message keys. The submission has been through the channel's rule
 * already (text and name stripped, and cut where the channel cuts).
 */
@Component
class IntakeRules {

    static final String SPAM = "questions.error.spam";

    private final List<String> topics;

    IntakeRules(Topics topicCodes) {
        this.topics = topicCodes.codes();
    }

    List<String> problems(Submission submission, ChannelRules.Rule rule) {
        if (!submission.honeypot().isEmpty()) {
            return List.of(SPAM); // a bot: nothing else is worth telling it
        }
        List<String> errors = new ArrayList<>();
        if (!EmailAddresses.valid(submission.email())) {
            errors.add("questions.error.email");
        }
        if (submission.name() != null && submission.name().length() > ChannelRules.MAX_NAME_LENGTH) {
            errors.add("questions.error.name");
        }
        if (Language.byCode(submission.language()).isEmpty()) {
            errors.add("questions.error.language");
        }
        if (rule.form() && (submission.topic() == null || !topics.contains(submission.topic()))) {
            errors.add("questions.error.topic");
        }
        String text = submission.text();
        if (text == null || text.strip().length() < rule.minTextLength()) {
            errors.add("questions.error.text.short");
        } else if (rule.tooLong(text)) {
            errors.add("questions.error.text.long");
        }
        if (rule.form() && !submission.privacyConsent()) {
            errors.add("questions.error.privacy");
        }
        return errors;
    }
}
