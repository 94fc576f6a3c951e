package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import it.comune.immigrati.site.FormErrors;

/** The values the practices' pages show (public, for the templates). */
public final class PracticeRecords {

    private PracticeRecords() {
    }

    /** A figure a rule uses, valid from a day to a day (or until replaced), with where it comes from. */
    public record RuleFigure(String name, LocalDate validFrom, LocalDate validTo, BigDecimal amount, String source, boolean verified,
            String changedBy) {

        public boolean holds(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    public record Reunification(FormErrors errors, RuleFigure allowance, ReunificationIncome.Result result) {
    }

    public record Housing(FormErrors errors, List<RuleFigure> rules, HousingSuitability.Assessment result, int occupants) {
    }

    public record Credits(FormErrors errors, IntegrationCredits.Result result) {
    }

    /** A renewal-reminder sign-up: who to write to, in which language, about which expiry day. */
    public record Reminder(long id, String token, String email, String language, LocalDate expiresOn,
            java.time.Instant confirmedAt, Integer lastReminder, java.time.Instant createdAt) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** How many of something, by what it is (a language, a stage). */
    public record Count(String what, long count) {
    }

    /** The staff's view of the reminders: counts only, never an address. */
    public record ReminderCounts(long confirmed, long unconfirmed, List<Count> byLanguage, List<Count> sentByStage) {
    }
}
