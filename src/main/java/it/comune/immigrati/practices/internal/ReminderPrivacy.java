package it.comune.immigrati.practices.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Renewal-reminder sign-ups are personal data: in the privacy export and erasure. */
@Component
@Order(40)
class ReminderPrivacy implements PersonalData {

    private final ReminderStore store;

    ReminderPrivacy(ReminderStore store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "renewalReminders";
    }

    @Override
    public List<Held> held(String email) {
        return List.of(new Held("practices.reminders.privacy.held", store.byEmail(email).size()));
    }

    @Override
    public Object export(String email) {
        return store.byEmail(email).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", r.email());
            row.put("language", r.language());
            row.put("expires_on", r.expiresOn().toString());
            row.put("confirmed_at", r.confirmedAt() == null ? null : r.confirmedAt().toString());
            row.put("last_reminder_days_before", r.lastReminder());
            row.put("created_at", r.createdAt().toString());
            return row;
        }).toList();
    }

    @Override
    public int erase(String email) {
        return store.deleteByEmail(email);
    }
}
