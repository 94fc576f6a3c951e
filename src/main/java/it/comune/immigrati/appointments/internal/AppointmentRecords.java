package it.comune.immigrati.appointments.internal;

import java.time.Instant;
import java.util.List;

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
            List<String> bring) {
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
            String language, boolean needsMediator, String mediator, String bookedBy, Instant bookedAt, int moves) {

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
            int noShows) {
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
}
