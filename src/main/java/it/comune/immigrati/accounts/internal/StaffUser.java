package it.comune.immigrati.accounts.internal;

import java.time.Instant;
import java.util.List;

import it.comune.immigrati.accounts.StaffRole;

/** A staff account as stored. */
public record StaffUser(long id, String username, String displayName, String email, String passwordHash,
        List<StaffRole> roles, List<String> languages, boolean enabled, String totpSecret, long totpLastStep,
        int failedLogins, Instant lockedUntil, Instant lastLoginAt) {

    public boolean invited() {
        return passwordHash == null;
    }

    public boolean totpEnrolled() {
        return totpSecret != null;
    }

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
