package it.comune.immigrati.practices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.platform.RateLimit;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.practices.internal.PracticeRecords.Reminder;
import it.comune.immigrati.site.Language;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before a residence permit expires, for anyone, without an account: an address, the expiry day
 * and a language. Nothing is sent until the address is confirmed through the link in the first e-mail
 * (so nobody can sign up someone else); then one reminder at each of 90, 60 and 30 days before, with the
 * steps and a link to book; a sign-up made late gets only the latest stage. Everything goes through the
 * outbox. The address is deleted on unsubscribing, six months after the expiry, or a week after a
 * sign-up nobody confirmed.
 */
@Service
class RenewalReminders {

    static final List<Integer> STAGES = List.of(90, 60, 30);
    static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);
    static final int MONTHS_KEPT_AFTER_EXPIRY = 6;
    /** The longest a permit card runs (the EU long-term one, ten years), and a little more. */
    static final int MAX_YEARS_AHEAD = 11;

    private final ReminderStore store;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;
    private final RateLimit signUpsPerClient = RateLimit.perHour(10);

    RenewalReminders(ReminderStore store, MailOutbox outbox, TransactionTemplate transactions, Clock clock, AciProperties aci) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.baseUrl = aci.mail().publicBaseUrl();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What a resident typed on the sign-up form. */
    record SignUp(String email, String language, String expiry, boolean privacy) {
    }

    /** Accepted (the confirmation is on its way, or was sent a moment ago), or refused with its reasons and status. */
    record SignUpResult(List<String> errors, int status) {

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    SignUpResult signUp(SignUp form, String client) {
        List<String> errors = new ArrayList<>();
        String email = form.email() == null ? "" : form.email().strip();
        if (email.isEmpty()) {
            errors.add("practices.reminders.error.email.missing");
        } else if (!EmailAddresses.valid(email)) {
            errors.add("practices.reminders.error.email.invalid");
        }
        Optional<Language> language = Language.byCode(form.language() == null ? "" : form.language());
        if (language.isEmpty()) {
            errors.add("practices.reminders.error.language");
        }
        LocalDate expiry = null;
        try {
            expiry = LocalDate.parse(form.expiry() == null ? "" : form.expiry().strip());
        } catch (DateTimeParseException notADate) {
            errors.add("practices.reminders.error.expiry.missing");
        }
        if (expiry != null && !expiry.isAfter(today())) {
            errors.add("practices.reminders.error.expiry.past");
        } else if (expiry != null && expiry.isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
            errors.add("practices.reminders.error.expiry.far");
        }
        if (!form.privacy()) {
            errors.add("practices.reminders.error.privacy");
        }
        if (!errors.isEmpty()) {
            return new SignUpResult(errors, 422);
        }
        if (!signUpsPerClient.tryTake(client, 1)) {
            return new SignUpResult(List.of("practices.reminders.error.rate"), 429);
        }
        LocalDate expiresOn = expiry;
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            // one confirmation e-mail a day per address and expiry: a form sent twice does not mail twice
            if (!store.pendingSince(email, expiresOn, now.minus(Duration.ofDays(1)))) {
                Reminder reminder = store.insert(Secrets.linkToken(), email, language.get().code(), expiresOn, now);
                queueConfirmation(reminder);
            }
        });
        return new SignUpResult(List.of(), 200);
    }

    Optional<Reminder> byToken(String token) {
        return store.byToken(token);
    }

    /** Confirms the address and sends at once the reminder already due, if any. */
    void confirm(Reminder reminder) {
        transactions.executeWithoutResult(tx -> {
            if (store.confirm(reminder.id(), clock.instant())) {
                remindOne(store.byToken(reminder.token()).orElseThrow(), today(), clock.instant());
            }
        });
    }

    void unsubscribe(Reminder reminder) {
        transactions.executeWithoutResult(tx -> store.delete(reminder.id()));
    }

    @Scheduled(fixedDelay = 15, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void scheduled() {
        remind(today());
        purge(today());
    }

    /**
     * Queues every reminder due on {@code day}: for each confirmed sign-up whose permit expires within 90
     * days, the stage it has reached if that stage was not sent yet. Safe on several nodes: rows are
     * claimed with {@code SKIP LOCKED} and marked in the transaction that queues their mail.
     *
     * @return how many were queued
     */
    int remind(LocalDate day) {
        int sent = 0;
        while (true) {
            int queued = transactions.execute(tx -> {
                int count = 0;
                for (Reminder reminder : store.dueOn(day, 200)) {
                    count += remindOne(reminder, day, clock.instant()) ? 1 : 0;
                }
                return count;
            });
            if (queued == 0) {
                return sent;
            }
            sent += queued;
        }
    }

    /** The stage reached {@code daysLeft} before the expiry: the smallest of 90, 60, 30 not below it. */
    static Optional<Integer> stage(long daysLeft) {
        return STAGES.stream().filter(s -> daysLeft <= s).reduce((a, b) -> b).filter(s -> daysLeft >= 0);
    }

    private boolean remindOne(Reminder reminder, LocalDate day, Instant now) {
        long daysLeft = ChronoUnit.DAYS.between(day, reminder.expiresOn());
        Optional<Integer> stage = stage(daysLeft);
        if (!reminder.confirmed() || stage.isEmpty() || (reminder.lastReminder() != null && reminder.lastReminder() <= stage.get())) {
            return false;
        }
        queueReminder(reminder, stage.get(), daysLeft);
        store.reminded(reminder.id(), stage.get(), now);
        return true;
    }

    int purge(LocalDate day) {
        return transactions.execute(tx -> store.purge(day.minusMonths(MONTHS_KEPT_AFTER_EXPIRY), clock.instant().minus(UNCONFIRMED_KEPT)));
    }

    String link(Reminder reminder) {
        return baseUrl + "/promemoria/" + reminder.token() + "?lang=" + reminder.language();
    }

    private static String date(LocalDate day, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(day);
    }

    private void queueConfirmation(Reminder reminder) {
        Language language = Language.byCode(reminder.language()).orElse(Language.DEFAULT);
        outbox.queue(MailMessage.to(reminder.email(), language).subject("practices.reminders.mail.confirm.subject")
                .about("renewal-reminder", String.valueOf(reminder.id()))
                .paragraph("practices.reminders.mail.confirm.body", date(reminder.expiresOn(), language))
                .action("practices.reminders.mail.confirm.action", link(reminder))
                .paragraph("practices.reminders.mail.confirm.ignore"));
    }

    private void queueReminder(Reminder reminder, int stage, long daysLeft) {
        Language language = Language.byCode(reminder.language()).orElse(Language.DEFAULT);
        MailMessage message = MailMessage.to(reminder.email(), language).subject("practices.reminders.mail.due.subject", daysLeft)
                .about("renewal-reminder", String.valueOf(reminder.id()))
                .paragraph("practices.reminders.mail.due.body", date(reminder.expiresOn(), language), daysLeft)
                // the renewal is due 60 days before the expiry: past that, however the stage was reached, it is late
                .paragraph(daysLeft < 60 ? "practices.reminders.mail.due.late" : stage > 60 ? "practices.reminders.mail.due.early"
                        : "practices.reminders.mail.due.now")
                .paragraph("practices.reminders.mail.due.steps")
                .paragraph("practices.reminders.mail.due.residence")
                .action("practices.reminders.mail.due.action", baseUrl + "/appuntamenti?lang=" + reminder.language())
                .paragraph("practices.reminders.mail.due.stop", link(reminder));
        outbox.queue(message);
    }
}
