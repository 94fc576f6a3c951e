package it.comune.immigrati.platform;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's requests about their data (GDPR art. 15, 17 and 20), carried out across every module that
 * holds personal data ({@link PersonalData} beans, in their {@code @Order}). Each request is audited
 * with a reference to the address, never the address itself: after an erasure nothing in the database
 * names it any more.
 */
@Service
public class PrivacyRequests {

    private final List<PersonalData> modules;
    private final ApplicationEventPublisher events;

    PrivacyRequests(List<PersonalData> modules, ApplicationEventPublisher events) {
        this.modules = modules;
        this.events = events;
    }

    /** What each module holds, section by section. */
    public Map<String, List<PersonalData.Held>> held(String email) {
        Map<String, List<PersonalData.Held>> held = new LinkedHashMap<>();
        modules.forEach(module -> held.put(module.section(), module.held(email.strip())));
        return held;
    }

    /** Everything about the address, one section per module; the export is audited. */
    @Transactional
    public Map<String, Object> export(String email, String staff) {
        String address = email.strip();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("address", address);
        modules.forEach(module -> export.put(module.section(), module.export(address)));
        events.publishEvent(new Audited(staff, "privacy.export", "person", reference(address),
                modules.size() + " sections"));
        return export;
    }

    /** Erases the address everywhere, in one transaction; returns how many records each module erased. */
    @Transactional
    public Map<String, Integer> erase(String email, String staff) {
        String address = email.strip();
        Map<String, Integer> erased = new LinkedHashMap<>();
        modules.forEach(module -> erased.put(module.section(), module.erase(address)));
        events.publishEvent(new Audited(staff, "privacy.erase", "person", reference(address), erased.toString()));
        return erased;
    }

    /**
     * How the audit log names a person: an unkeyed hash of the lower-cased address, so a later request
     * about the same address can be matched to earlier ones by whoever knows the address, and by nobody else.
     */
    public static String reference(String email) {
        byte[] hash = Secrets.sha256(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(hash, 0, 12);
    }
}
