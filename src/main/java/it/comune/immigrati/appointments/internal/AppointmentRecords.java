package it.comune.immigrati.appointments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** What the appointments module reads from its tables, and what its pages show (public for the templates). */
public final class AppointmentRecords {

    private AppointmentRecords() {
    }

    public record Office(long id, String code, String name, String address, int desks) {
    }

    /**
     * A desk service with its texts in one language (the visitor's, or Italian where it has none).
     *
     * @param bring what to bring, one item per entry
     */
    public record Service(long id, String code, int durationMinutes, int minNoticeHours, int maxDaysAhead,
            int maxActivePerPerson, boolean scarce, String guideSlug, String name, String description,
            List<String> bring, Integer maxNoShows) {
    }

    /** The states of an appointment; the first four hold a desk. */
    public enum Status {
        HELD, UNCONFIRMED, BOOKED, ARRIVED, DONE, NO_SHOW, CANCELLED, EXPIRED;

        boolean holdsDesk() {
            return ordinal() <= ARRIVED.ordinal();
        }
    }

    public record Appointment(long id, String code, String accessToken, long serviceId, long officeId, int desk,
            Instant start, Instant end, Status status, Instant holdUntil, String email, String phone, String reason,
            String language, boolean needsMediator, String mediator, String bookedBy, Instant bookedAt, int moves,
            String staff, boolean walkIn) {

        boolean heldAt(Instant now) {
            return (status == Status.HELD || status == Status.UNCONFIRMED) && holdUntil != null && holdUntil.isAfter(now);
        }

        boolean hasDetails() {
            return email != null;
        }

        /** Booked (or waiting for the resident's confirmation) and not yet begun: it may be moved or cancelled. */
        boolean changeableAt(Instant now) {
            return (status == Status.BOOKED || status == Status.UNCONFIRMED) && start.isAfter(now);
        }
    }

    /** A desk taken from {@code start} to {@code end}. */
    public record Busy(int desk, Instant start, Instant end) {
    }

    /** One line of the office's agenda. */
    /** @param noShows how many earlier appointments of the same address were missed without cancelling */
    public record AgendaEntry(String code, Instant start, Instant end, Status status, String serviceName, String email,
            String phone, String reason, String language, boolean needsMediator, String mediator, String bookedBy,
            int noShows, String notes, String staff, boolean walkIn, String office) {

        /** Whether {@code username} gives this appointment or mediates at it. */
        public boolean involves(String username) {
            return username.equals(staff) || username.equals(mediator);
        }
    }

    /** A free time as offered: the value the form sends back and what the resident reads. */
    public record ShownSlot(String value, String day, String time) {
    }

    /** A day of the calendar that has free times. */
    public record ShownDay(java.time.LocalDate date, String label, int free) {
    }

    /** What the resident tells about themselves; checked by {@code Bookings.check}. */
    public record Details(String email, String phone, String reason, String language, boolean needsMediator,
            boolean privacy) {
    }

    /** The states of a place on the waiting list. */
    public enum WaitingStatus {
        WAITING, OFFERED, BOOKED, LEFT, ENDED
    }

    /**
     * The line for one service at an office, as the agenda shows it: how many wait, how many hold an offer
     * now, how many asked for a mediator, since when the first has waited. Counts only: who waits is theirs.
     */
    public record WaitingLine(String service, int waiting, int offered, int mediator, Instant since) {
    }

    /** A place on the waiting list of a service at an office, for a range of days. */
    public record Waiting(long id, String accessToken, long serviceId, long officeId, LocalDate fromDay, LocalDate toDay,
            String email, String language, boolean needsMediator, WaitingStatus status, Instant createdAt) {

        public boolean inLine() {
            return status == WaitingStatus.WAITING || status == WaitingStatus.OFFERED;
        }
    }

    /** A time offered to a place on the list: held for them until {@code until}. */
    public record Offer(long id, long waitingId, long appointmentId, Instant start, Instant until, String outcome) {
    }

    /** What the waiting list's join form sends; days as ISO dates, blank for "from today" and "to the end of the window". */
    public record WaitingForm(String email, String language, boolean needsMediator, String from, String to, boolean privacy) {
    }

    /** A service with the offices that give it, for the office's own booking page. */
    public record ServiceOffices(Service service, List<Office> offices) {
    }

    /** A row of the settings' list of services. */
    public record ServiceRow(String code, String name, int durationMinutes, int offices, boolean active) {
    }

    /** An office as the settings show it. */
    public record OfficeRow(long id, String code, String name, String address, int desks, boolean active) {
    }

    /** A day of the office unlike its week: closed (no hours) or open at other hours. */
    public record ExceptionRow(long id, LocalDate day, LocalTime opens, LocalTime closes, String note) {
    }

    /** The form's values, as typed, so that a refused form comes back as it was. */
    public record ServiceForm(String code, String duration, String minNotice, String maxDays, String maxActive, boolean scarce,
            String maxNoShows, String guide, boolean active, Set<Long> offices, String language, String name,
            String description, String bring, Set<String> staff) {
    }

    /** A staff member's days away, as the settings list them. */
    public record AbsenceRow(long id, String username, String name, LocalDate firstDay, LocalDate lastDay, String note) {
    }

    /** A staff member one can choose in a form: who gives a service, whose agenda, whose absence. */
    public record StaffChoice(String username, String name) {
    }

    /** A booking left outside the hours, as the office's page lists it. */
    public record AffectedRow(String code, String when, String email) {
    }
}
