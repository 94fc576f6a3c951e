package it.comune.immigrati.questions.internal;

import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;

/** What a new question must satisfy, the same on the web form and on the JSON API. Returns message keys. */
@Component
class IntakeRules {

    private final QuestionsProperties settings;
    private final java.util.List<String> topics;

    IntakeRules(it.comune.immigrati.platform.AciProperties aci, QuestionsProperties settings) {
        this.topics = aci.topics();
        this.settings = settings;
    }

    List<String> problems(String email, String name, String language, String topic, String text, boolean privacy) {
        List<String> errors = new ArrayList<>();
        if (!EmailAddresses.valid(email)) {
            errors.add("questions.error.email");
        }
        if (name != null && name.length() > 120) {
            errors.add("questions.error.name");
        }
        if (Language.byCode(language).isEmpty()) {
            errors.add("questions.error.language");
        }
        if (topic == null || !topics.contains(topic)) {
            errors.add("questions.error.topic");
        }
        if (text == null || text.strip().length() < 10) {
            errors.add("questions.error.text.short");
        } else if (text.length() > settings.maxTextLength()) {
            errors.add("questions.error.text.long");
        }
        if (!privacy) {
            errors.add("questions.error.privacy");
        }
        return errors;
    }
}
