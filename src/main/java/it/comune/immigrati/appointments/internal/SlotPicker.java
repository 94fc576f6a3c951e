package it.comune.immigrati.appointments.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.ShownDay;
import it.comune.immigrati.appointments.internal.AppointmentRecords.ShownSlot;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The free times a page offers to choose from (the picker template): the next ones first, or those of
 * one day, and the days that have some. Booking, moving and booking on someone's behalf all choose so.
 */
@Component
class SlotPicker {

    private final Bookings bookings;
    private final AppointmentsProperties settings;

    SlotPicker(Bookings bookings, AppointmentsProperties settings) {
        this.bookings = bookings;
        this.settings = settings;
    }

    void fill(Service service, Office office, LocalDate day, Language language, Model model) {
        fill(bookings.freeSlots(service, office), day, language, model);
    }

    /** The times {@code booked} may move to. */
    void fillForMove(Appointment booked, Service service, Office office, LocalDate day, Language language, Model model) {
        fill(bookings.freeSlotsToMove(booked, service, office), day, language, model);
    }

    private void fill(List<Slot> free, LocalDate day, Language language, Model model) {
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        free.forEach(slot -> perDay.merge(slot.startInRome().toLocalDate(), 1, Integer::sum));
        DateTimeFormatter dayLabel = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale());
        List<ShownDay> days = new ArrayList<>();
        perDay.forEach((date, count) -> days.add(new ShownDay(date, dayLabel.format(date), count)));
        List<ShownSlot> offered = (day == null ? free.stream().limit(settings.firstSlotsShown())
                : free.stream().filter(slot -> slot.startInRome().toLocalDate().equals(day)))
                .map(slot -> ResidentBookingController.shown(slot, language)).toList();
        model.addAttribute("day", day == null ? null : dayLabel.format(day));
        model.addAttribute("slots", offered);
        model.addAttribute("days", days);
    }

    /** A day from the address ({@code ?giorno=}), or null for the next free times; 400 when it is not a date. */
    static LocalDate parseDay(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "giorno");
        }
    }
}
