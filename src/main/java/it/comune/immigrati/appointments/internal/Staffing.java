package it.comune.immigrati.appointments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import it.comune.immigrati.appointments.internal.AppointmentRecords.AbsenceRow;
import it.comune.immigrati.appointments.internal.AppointmentStore.StaffBusy;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;

/**
 * Who of the staff a service names is free for a time: not away that day, and not giving or mediating
 * another appointment then, in any office. A service that names nobody is given by whoever is at the
 * desk: for it every time has one "anyone" (null).
 */
final class Staffing {

    static final Staffing ANYONE = new Staffing(null, List.of(), List.of());

    private final List<String> named;
    private final Map<String, NavigableMap<Instant, Instant>> busy = new HashMap<>();
    private final Map<String, List<AbsenceRow>> away = new HashMap<>();

    /** @param named the staff who can give the service (active ones), in the order they are tried; null for anyone */
    Staffing(List<String> named, List<StaffBusy> taken, List<AbsenceRow> absences) {
        this.named = named;
        for (StaffBusy b : taken) {
            busy.computeIfAbsent(b.username(), u -> new TreeMap<>()).merge(b.start(), b.end(), (x, y) -> x.isAfter(y) ? x : y);
        }
        for (AbsenceRow a : absences) {
            away.computeIfAbsent(a.username(), u -> new ArrayList<>()).add(a);
        }
    }

    /** Who can give the slot, in order: a list of one null when the service names nobody, empty when nobody named is free. */
    List<String> free(Slot slot) {
        if (named == null) {
            return Collections.singletonList(null);
        }
        LocalDate day = slot.start().atZone(SlotCalendar.ROME).toLocalDate();
        List<String> free = new ArrayList<>();
        for (String username : named) {
            boolean absent = away.getOrDefault(username, List.of()).stream()
                    .anyMatch(a -> !day.isBefore(a.firstDay()) && !day.isAfter(a.lastDay()));
            NavigableMap<Instant, Instant> taken = busy.get(username);
            if (!absent && (taken == null || !Bookings.Desks.overlaps(taken, slot))) {
                free.add(username);
            }
        }
        return free;
    }
}
