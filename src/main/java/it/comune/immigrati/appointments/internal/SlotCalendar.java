package it.comune.immigrati.appointments.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.WorkingDays;

/**
 * The times an office can start an appointment of a given length: its weekly hours, unless a day has
 * hours of its own (closed, reduced, or an extra opening), never on a public holiday or the patron day
 * unless the office opened that day on purpose. Times are wall-clock times in Europe/Rome, so a 9:00
 * appointment is at 9:00 on either side of a daylight-saving change; its instant range is what the
 * database compares.
 */
final class SlotCalendar {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** Hours of one opening: from {@code opens} to {@code closes}, the same day. */
    record Opening(LocalTime opens, LocalTime closes) {

        Opening {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("an opening closes after it opens: " + opens + "-" + closes);
            }
        }
    }

    /**
     * An office's calendar.
     *
     * @param weekly     the openings of each weekday
     * @param exceptions days with their own openings instead of the week's: an empty list is a closure
     */
    record Hours(Map<DayOfWeek, List<Opening>> weekly, Map<LocalDate, List<Opening>> exceptions) {
    }

    /** One slot: its instants, half-open. */
    record Slot(Instant start, Instant end) {

        ZonedDateTime startInRome() {
            return start.atZone(ROME);
        }

        ZonedDateTime endInRome() {
            return end.atZone(ROME);
        }
    }

    private final WorkingDays workingDays;

    SlotCalendar(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The openings of one day, after exceptions and holidays. */
    List<Opening> openings(Hours hours, LocalDate day) {
        List<Opening> own = hours.exceptions().get(day);
        if (own != null) {
            return own;
        }
        if (workingDays.isHoliday(day)) {
            return List.of();
        }
        return hours.weekly().getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** Every slot of {@code length} from {@code first} to {@code last} (both included), in order. */
    List<Slot> slots(Hours hours, LocalDate first, LocalDate last, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a slot has a length: " + length);
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<Opening> openings = new ArrayList<>(openings(hours, day));
            openings.sort((a, b) -> a.opens().compareTo(b.opens()));
            for (Opening opening : openings) {
                // an opening that does not divide evenly ends with a gap, not with an appointment past closing time
                for (LocalTime start = opening.opens(); Duration.between(start, opening.closes()).compareTo(length) >= 0;
                        start = start.plus(length)) {
                    Instant from = ZonedDateTime.of(day, start, ROME).toInstant();
                    Instant to = ZonedDateTime.of(day, start.plus(length), ROME).toInstant();
                    // in the night hour a clock change skips or repeats, the wall clock and the real length
                    // differ: no appointment there (an office opens at night only by mistake)
                    if (Duration.between(from, to).equals(length)) {
                        slots.add(new Slot(from, to));
                    }
                }
            }
        }
        return slots;
    }
}
