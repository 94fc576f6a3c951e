package it.comune.immigrati.platform;

import java.util.List;

/**
 * What one module keeps about a person, found by their e-mail address. Every module that stores a
 * resident's personal data declares a bean of this type, so that access, portability and erasure
 * requests ({@link PrivacyRequests}) reach all of it. The address given is already trimmed; compare it
 * ignoring case, and fold nothing else: {@code ana+1@x.it} is another person's address for this purpose.
 */
public interface PersonalData {

    /** The section's name in an export, e.g. {@code questions}; stable, in English. */
    String section();

    /**
     * What the office should see before exporting or erasing: one line per kind of record, as a
     * message key of the module's own bundle with the count as its argument (Domande: {0}).
     */
    List<Held> held(String email);

    /** Everything kept about the address, as values JSON can carry (maps, lists, strings, numbers). */
    Object export(String email);

    /**
     * Deletes, or anonymises where the office must keep the record, everything kept about the address,
     * in the caller's transaction.
     *
     * @return how many records were erased or anonymised
     */
    int erase(String email);

    /** One kind of record held, for the privacy page. */
    record Held(String messageKey, long count, List<String> links) {

        public Held(String messageKey, long count) {
            this(messageKey, count, List.of());
        }
    }
}
