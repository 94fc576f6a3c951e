package it.comune.immigrati.appointments.internal;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The office moves or cancels a booking from the agenda (the person phoned, a colleague is ill): the
 * same rules as the resident's own pages, the person told by e-mail that the office did it, each step
 * audited. Opening a page changes nothing; the buttons POST.
 */
@Controller
class StaffBookingController {

    private final AppointmentStore store;
    private final Bookings bookings;
    private final SlotPicker picker;
    private final ApplicationEventPublisher events;

    StaffBookingController(AppointmentStore store, Bookings bookings, SlotPicker picker, ApplicationEventPublisher events) {
        this.store = store;
        this.bookings = bookings;
        this.picker = picker;
        this.events = events;
    }

    private Appointment appointment(String code) {
        return store.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Language language(HttpServletRequest request) {
        return Language.of(RequestContextUtils.getLocale(request));
    }

    private void describe(Appointment appointment, HttpServletRequest request, Model model) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("service", store.service(appointment.serviceId(), language(request).code()).orElseThrow());
        model.addAttribute("office", store.office(appointment.officeId()).orElseThrow());
        model.addAttribute("slot", ResidentBookingController.shown(new Slot(appointment.start(), appointment.end()),
                language(request)));
        model.addAttribute("changeable", appointment.changeableAt(bookings.now()));
    }

    /** Back to the agenda of the appointment's day, saying what was done. */
    private static String agenda(Appointment appointment, Office office, String done) {
        return "redirect:/ufficio/appuntamenti?ufficio=" + office.code() + "&giorno="
                + appointment.start().atZone(SlotCalendar.ROME).toLocalDate() + "&" + done + "=" + appointment.code();
    }

    @GetMapping("/ufficio/appuntamenti/{code}/sposta")
    String movePage(@PathVariable String code, @RequestParam(name = "giorno", required = false) String day,
            HttpServletRequest request, Model model) {
        return moveView(appointment(code), day, null, request, model);
    }

    private String moveView(Appointment appointment, String day, String problem, HttpServletRequest request, Model model) {
        describe(appointment, request, model);
        model.addAttribute("problem", problem);
        picker.fillForMove(appointment, (Service) model.getAttribute("service"), (Office) model.getAttribute("office"),
                SlotPicker.parseDay(day), language(request), model);
        return "appointments/staff-move";
    }

    @PostMapping("/ufficio/appuntamenti/{code}/sposta")
    String move(@PathVariable String code, @RequestParam(name = "inizio", defaultValue = "") String start, Principal user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment appointment = appointment(code);
        Instant when;
        try {
            when = Instant.parse(start);
        } catch (DateTimeParseException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return moveView(appointment, null, "appointments.error.slot.missing", request, model);
        }
        Service service = store.service(appointment.serviceId(), appointment.language()).orElseThrow();
        Office office = store.office(appointment.officeId()).orElseThrow();
        Bookings.MoveResult result = bookings.move(appointment.accessToken(), service, office, when, user.getName());
        if (result instanceof Bookings.Moved moved) {
            events.publishEvent(new Audited(user.getName(), "appointment.moved", "appointment", code,
                    moved.was() + " -> " + moved.appointment().start()));
            return agenda(moved.appointment(), office, "spostato");
        }
        Bookings.MoveRefused refused = (Bookings.MoveRefused) result;
        String problem = refused.problem();
        response.setStatus(refused.status());
        return moveView(appointment(code), null, problem, request, model);
    }

    @GetMapping("/ufficio/appuntamenti/{code}/disdici")
    String cancelPage(@PathVariable String code, HttpServletRequest request, Model model) {
        describe(appointment(code), request, model);
        return "appointments/staff-cancel";
    }

    @PostMapping("/ufficio/appuntamenti/{code}/disdici")
    String cancel(@PathVariable String code, Principal user) {
        Appointment appointment = appointment(code);
        Service service = store.service(appointment.serviceId(), appointment.language()).orElseThrow();
        Office office = store.office(appointment.officeId()).orElseThrow();
        if (!appointment.changeableAt(bookings.now())) {
            return agenda(appointment, office, "non-cambiato");
        }
        bookings.cancel(appointment.accessToken(), service, office, user.getName());
        events.publishEvent(new Audited(user.getName(), "appointment.cancelled", "appointment", code, ""));
        return agenda(appointment, office, "disdetto");
    }

    // ---- booking on a person's behalf (a phone call, someone at the desk, an association) ----

    @GetMapping("/ufficio/appuntamenti/nuovo")
    String newBooking(HttpServletRequest request, Model model) {
        String language = language(request).code();
        List<AppointmentRecords.ServiceOffices> choices = store.services(language).stream()
                .map(service -> new AppointmentRecords.ServiceOffices(service, store.offices(service.id()))).toList();
        model.addAttribute("choices", choices);
        return "appointments/staff-new";
    }

    private Service serviceByCode(String code, HttpServletRequest request) {
        return store.service(code, language(request).code()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Office officeOf(Service service, String code) {
        return store.offices(service.id()).stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/ufficio/appuntamenti/nuovo/{serviceCode}/{officeCode}")
    String newBookingTimes(@PathVariable String serviceCode, @PathVariable String officeCode,
            @RequestParam(name = "giorno", required = false) String day, HttpServletRequest request, Model model) {
        Service service = serviceByCode(serviceCode, request);
        return timesView(service, officeOf(service, officeCode), day, null, request, model);
    }

    private String timesView(Service service, Office office, String day, String problem, HttpServletRequest request, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("problem", problem);
        picker.fill(service, office, SlotPicker.parseDay(day), language(request), model);
        return "appointments/staff-new-times";
    }

    @PostMapping("/ufficio/appuntamenti/nuovo/{serviceCode}/{officeCode}")
    String newBookingHold(@PathVariable String serviceCode, @PathVariable String officeCode,
            @RequestParam(name = "inizio", defaultValue = "") String start, Principal user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Service service = serviceByCode(serviceCode, request);
        Office office = officeOf(service, officeCode);
        Optional<Slot> slot;
        try {
            slot = bookings.offered(service, office, Instant.parse(start));
        } catch (DateTimeParseException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return timesView(service, office, null, "appointments.error.slot.missing", request, model);
        }
        if (slot.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return timesView(service, office, null, "appointments.error.slot.not-offered", request, model);
        }
        Optional<Appointment> held = bookings.holdFor(service, office, slot.get(), "it",
                bookings.now().plus(STAFF_HOLD), "staff:" + user.getName());
        if (held.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return timesView(service, office, null, "appointments.error.slot.taken", request, model);
        }
        return "redirect:/ufficio/appuntamenti/nuovo/dettagli/" + held.get().accessToken();
    }

    /** Long enough for a phone call in which the person spells their address. */
    private static final java.time.Duration STAFF_HOLD = java.time.Duration.ofMinutes(20);

    private Appointment heldByToken(String token) {
        Appointment held = store.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (held.status() != AppointmentRecords.Status.HELD) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        return held;
    }

    @GetMapping("/ufficio/appuntamenti/nuovo/dettagli/{token}")
    String newBookingDetails(@PathVariable String token, HttpServletRequest request, Model model) {
        Appointment held = heldByToken(token);
        return detailsView(held, new AppointmentRecords.Details("", "", "", language(request).code(), false, true), List.of(),
                request, model);
    }

    private String detailsView(Appointment held, AppointmentRecords.Details details, List<String> errors,
            HttpServletRequest request, Model model) {
        describe(held, request, model);
        model.addAttribute("details", details);
        model.addAttribute("errors", errors);
        model.addAttribute("maxReason", Bookings.MAX_REASON);
        return "appointments/staff-new-details";
    }

    @PostMapping("/ufficio/appuntamenti/nuovo/dettagli/{token}")
    String newBookingConfirm(@PathVariable String token, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "false") boolean mediator,
            Principal user, HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment held = heldByToken(token);
        // the office tells the person how their data are used; the consent box is the resident's own form's
        AppointmentRecords.Details details = new AppointmentRecords.Details(email, phone, reason, language, mediator, true);
        Bookings.StepResult saved = bookings.saveDetails(held, details);
        if (saved instanceof Bookings.Invalid invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailsView(held, details, invalid.errors(), request, model);
        }
        Service service = store.service(held.serviceId(), "it").orElseThrow();
        Office office = store.office(held.officeId()).orElseThrow();
        Bookings.StepResult result = saved instanceof Bookings.Saved ? bookings.confirm(token, service, office, user.getName()) : saved;
        if (result instanceof Bookings.Booked booked) {
            events.publishEvent(new Audited(user.getName(), "appointment.booked-on-behalf", "appointment",
                    booked.appointment().code(), ""));
            return agenda(booked.appointment(), office, "prenotato");
        }
        response.setStatus(result instanceof Bookings.OverCap ? HttpStatus.CONFLICT.value() : HttpStatus.GONE.value());
        return detailsView(store.byToken(token).orElse(held), details,
                List.of(result instanceof Bookings.OverCap ? "appointments.error.cap" : "appointments.error.hold.expired"),
                request, model);
    }
}
