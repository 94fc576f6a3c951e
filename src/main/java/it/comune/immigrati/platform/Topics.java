package it.comune.immigrati.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The topics that questions, guides, search and every later module share: the Comune's own
 * ({@code aci.topics}, in its order), then those the modules declare as {@link Topic} beans.
 * Labels are the messages {@code topic.<code>}.
 */
@Component
public class Topics {

    private final List<String> codes;

    Topics(AciProperties properties, ObjectProvider<Topic> declared) {
        List<String> all = new ArrayList<>(properties.topics());
        declared.orderedStream().sorted(Comparator.comparingInt(Topic::order)).map(Topic::code)
                .filter(code -> !all.contains(code)).forEach(all::add);
        this.codes = List.copyOf(all);
    }

    /** Every topic code, in the order menus show them. */
    public List<String> codes() {
        return codes;
    }
}
