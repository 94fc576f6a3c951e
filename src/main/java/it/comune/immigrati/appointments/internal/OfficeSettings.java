package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.OfficeRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of an office's settings: hours written as 09:00-12:30 and 14:30-17:30 (a comma between), and what a change of
 * hours, exceptions or desks does to bookings already made. Nothing is dropped silently: every booking
 * still to come that no longer fits is listed for the office to move or cancel, and its resident is told
 * by e-mail, once.
 */
@Component
class OfficeSettings {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}[:.]\\d{2})\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2})\\s*");

    private final SettingsStore settings;
    private final AppointmentStore store;
    private final SlotCalendar calendar;
    private final AppointmentMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfficeSettings(SettingsStore settings, AppointmentStore store, SlotCalendar calendar, AppointmentMail mail,
            TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.calendar = calendar;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The openings a line of text names, in order; empty for a closed day; empty Optional when it cannot be read. */
    static Optional<List<SlotCalendar.Opening>> parse(String text) {
        List<SlotCalendar.Opening> openings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Optional.of(openings);
        }
        for (String part : text.split("[,;]")) {
            Matcher range = RANGE.matcher(part);
            if (!range.matches()) {
                return Optional.empty();
            }
            try {
                LocalTime opens = LocalTime.parse(pad(range.group(1)));
                LocalTime closes = LocalTime.parse(pad(range.group(2)));
                if (!opens.isBefore(closes)) {
                    return Optional.empty();
                }
                openings.add(new SlotCalendar.Opening(opens, closes));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        openings.sort((a, b) -> a.opens().compareTo(b.opens()));
        for (int i = 1; i < openings.size(); i++) {
            if (openings.get(i).opens().isBefore(openings.get(i - 1).closes())) {
                return Optional.empty();
            }
        }
        return Optional.of(openings);
    }

    private static String pad(String time) {
        String t = time.replace('.', ':');
        return t.length() == 4 ? "0" + t : t;
    }

    static String format(List<SlotCalendar.Opening> openings) {
        return String.join(", ", openings.stream().map(o -> o.opens() + "-" + o.closes()).toList());
    }

    /** Whether the booking still fits the office: inside one opening of its day, on a desk the office has. */
    static boolean fits(List<SlotCalendar.Opening> openings, Appointment appointment, int desks) {
        if (appointment.desk() > desks) {
            return false;
        }
        LocalDate day = appointment.start().atZone(SlotCalendar.ROME).toLocalDate();
        LocalTime from = appointment.start().atZone(SlotCalendar.ROME).toLocalTime();
        LocalTime to = appointment.end().atZone(SlotCalendar.ROME).toLocalTime();
        boolean sameDay = appointment.end().atZone(SlotCalendar.ROME).toLocalDate().equals(day);
        return sameDay && openings.stream().anyMatch(o -> !from.isBefore(o.opens()) && !to.isAfter(o.closes()));
    }

    /** The office's bookings still to come that do not fit its hours or desks any more. */
    List<Appointment> affected(OfficeRow office) {
        Instant now = clock.instant();
        List<Appointment> upcoming = settings.upcoming(office.id(), now).stream().map(id -> store.byId(id).orElseThrow()).toList();
        if (upcoming.isEmpty()) {
            return List.of();
        }
        LocalDate first = upcoming.get(0).start().atZone(SlotCalendar.ROME).toLocalDate();
        LocalDate last = upcoming.get(upcoming.size() - 1).start().atZone(SlotCalendar.ROME).toLocalDate();
        SlotCalendar.Hours hours = store.hours(office.id(), first, last);
        return upcoming.stream().filter(a -> !fits(calendar.openings(hours, a.start().atZone(SlotCalendar.ROME).toLocalDate()),
                a, office.desks())).toList();
    }

    /** Bookings still to come whose staff member will be away and no colleague could take over: for the office to move. */
    List<Appointment> uncovered() {
        return settings.uncovered(clock.instant()).stream().map(id -> store.byId(id).orElseThrow()).toList();
    }

    /** Applies a change to the office, then tells each resident whose booking it left outside, once; returns those. */
    List<Appointment> change(OfficeRow office, Runnable write) {
        return transactions.execute(tx -> {
            write.run();
            OfficeRow after = settings.office(office.code()).orElseThrow();
            List<Appointment> affected = affected(after);
            Office shown = store.office(after.id()).orElseThrow();
            for (Appointment appointment : affected) {
                if (settings.markAffected(appointment)) {
                    mail.affected(appointment, shown);
                }
            }
            return affected;
        });
    }
}
