package it.comune.immigrati.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import it.comune.immigrati.appointments.internal.AppointmentRecords.Details;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Status;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.PrivateLinks;
import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.UiFactory;
import it.comune.immigrati.site.VisitorLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Booking at the desk as a resident does it, without an account and without JavaScript, in the steps
 * of the Designers Italia model: service, office, date and time, details, summary, confirmation with a
 * code and a private link. The chosen time is held while the details are written.
 */
@Controller
class ResidentBookingController {

    private final AppointmentStore store;
    private final Bookings bookings;
    private final AppointmentsProperties settings;
    private final AppointmentMail mail;
    private final UiFactory uis;
    private final PrivateLinks links;
    private final ProofOfWork proofOfWork;
    private final SlotPicker picker;

    ResidentBookingController(AppointmentStore store, Bookings bookings, AppointmentsProperties settings,
            AppointmentMail mail, UiFactory uis, PrivateLinks links, ProofOfWork proofOfWork, SlotPicker picker) {
        this.proofOfWork = proofOfWork;
        this.picker = picker;
        this.store = store;
        this.bookings = bookings;
        this.settings = settings;
        this.mail = mail;
        this.uis = uis;
        this.links = links;
    }

    private static Language language(HttpServletRequest request) {
        return Language.of(RequestContextUtils.getLocale(request));
    }

    static ShownSlot shown(Slot slot, Language language) {
        return new ShownSlot(slot.start().toString(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale()).format(slot.startInRome()),
                DateTimeFormatter.ofPattern("HH:mm").format(slot.startInRome()));
    }

    // ---- step 1: the service ----

    @GetMapping("/appuntamenti")
    String services(HttpServletRequest request, Model model) {
        model.addAttribute("services", store.services(language(request).code()));
        return "appointments/services";
    }

    // ---- step 2: the office ----

    @GetMapping("/appuntamenti/servizio/{serviceCode}")
    String offices(@PathVariable String serviceCode, HttpServletRequest request, Model model) {
        Service service = service(serviceCode, request);
        List<Office> offices = store.offices(service.id());
        if (offices.size() == 1) {
            return "redirect:/appuntamenti/servizio/" + service.code() + "/" + offices.get(0).code();
        }
        model.addAttribute("service", service);
        model.addAttribute("offices", offices);
        return "appointments/offices";
    }

    // ---- step 3: date and time ----

    @GetMapping("/appuntamenti/servizio/{serviceCode}/{officeCode}")
    String slots(@PathVariable String serviceCode, @PathVariable String officeCode,
            @RequestParam(name = "giorno", required = false) String day, HttpServletRequest request, Model model) {
        Service service = service(serviceCode, request);
        Office office = office(service, officeCode);
        return slotsView(service, office, SlotPicker.parseDay(day), null, request, model);
    }

    private String slotsView(Service service, Office office, LocalDate day, String problem, HttpServletRequest request,
            Model model) {
        picker.fill(service, office, day, language(request), model);
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("problem", problem);
        model.addAttribute("single", store.offices(service.id()).size() == 1);
        return "appointments/slots";
    }

    // ---- step 4: hold the time, write the details ----

    @PostMapping("/appuntamenti/servizio/{serviceCode}/{officeCode}")
    String hold(@PathVariable String serviceCode, @PathVariable String officeCode,
            @RequestParam(name = "inizio", defaultValue = "") String start,
            @RequestParam(name = "altcha", defaultValue = "") String altcha, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Service service = service(serviceCode, request);
        Office office = office(service, officeCode);
        Instant when;
        try {
            when = Instant.parse(start);
        } catch (DateTimeParseException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return slotsView(service, office, null, "appointments.error.slot.missing", request, model);
        }
        Bookings.HoldResult result = bookings.hold(service, office, when, language(request).code(), request.getRemoteAddr(),
                proofOfWork.verify(altcha));
        if (result instanceof Bookings.Held held) {
            return "redirect:/appuntamenti/prenotazione/" + held.appointment().accessToken();
        }
        if (result instanceof Bookings.Limited) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return slotsView(service, office, null, "appointments.error.rate", request, model);
        }
        if (result instanceof Bookings.NotOffered) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return slotsView(service, office, null, "appointments.error.slot.not-offered", request, model);
        }
        Bookings.Taken.class.cast(result);
        // someone was quicker: the next free times, not an error page
        response.setStatus(HttpStatus.CONFLICT.value());
        return slotsView(service, office, null, "appointments.error.slot.taken", request, model);
    }

    @GetMapping("/appuntamenti/prenotazione/{token}")
    String details(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment held = appointment(token, request, response);
        if (held.status() != Status.HELD) {
            return "redirect:/appuntamenti/mia/" + token;
        }
        Service service = serviceOf(held, request);
        Office office = officeOf(held);
        if (!held.heldAt(bookings.now())) {
            return expired(held, service, office, request, response, model);
        }
        Details details = new Details(held.email() == null ? "" : held.email(), held.phone(),
                held.reason(), held.email() == null ? language(request).code() : held.language(), held.needsMediator(),
                held.email() != null);
        return detailsView(held, service, office, details, List.of(), request, model);
    }

    private String detailsView(Appointment held, Service service, Office office, Details details,
            List<String> errors, HttpServletRequest request, Model model) {
        Language language = language(request);
        describe(held, service, office, request, model);
        model.addAttribute("heldUntil", DateTimeFormatter.ofPattern("HH:mm").format(held.holdUntil().atZone(SlotCalendar.ROME)));
        model.addAttribute("details", details);
        model.addAttribute("errors", errors);
        model.addAttribute("maxReason", Bookings.MAX_REASON);
        return "appointments/details";
    }

    @PostMapping("/appuntamenti/prenotazione/{token}")
    String saveDetails(@PathVariable String token, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "false") boolean mediator,
            @RequestParam(defaultValue = "false") boolean privacy, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Appointment held = appointment(token, request, response);
        Service service = serviceOf(held, request);
        Office office = officeOf(held);
        Details details = new Details(email, phone, reason, language, mediator, privacy);
        Bookings.StepResult result = bookings.saveDetails(held, details);
        if (result instanceof Bookings.Saved) {
            return "redirect:/appuntamenti/prenotazione/" + token + "/riepilogo";
        }
        if (result instanceof Bookings.Invalid invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailsView(held, service, office, details, invalid.errors(), request, model);
        }
        if (result instanceof Bookings.Expired) {
            return expired(held, service, office, request, response, model);
        }
        return "redirect:/appuntamenti/mia/" + token;
    }

    /** The hold ran out: said plainly, with the next free times to choose from again. */
    private String expired(Appointment held, Service service, Office office, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.GONE.value());
        return slotsView(service, office, null, "appointments.error.hold.expired", request, model);
    }

    // ---- step 5: the summary ----

    @GetMapping("/appuntamenti/prenotazione/{token}/riepilogo")
    String summary(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment held = appointment(token, request, response);
        if (held.status() != Status.HELD) {
            return "redirect:/appuntamenti/mia/" + token;
        }
        if (!held.hasDetails()) {
            return "redirect:/appuntamenti/prenotazione/" + token;
        }
        Service service = serviceOf(held, request);
        Office office = officeOf(held);
        if (!held.heldAt(bookings.now())) {
            return expired(held, service, office, request, response, model);
        }
        return summaryView(held, service, office, null, request, model);
    }

    private String summaryView(Appointment held, Service service, Office office, String problem,
            HttpServletRequest request, Model model) {
        Language language = language(request);
        describe(held, service, office, request, model);
        model.addAttribute("heldUntil", DateTimeFormatter.ofPattern("HH:mm").format(held.holdUntil().atZone(SlotCalendar.ROME)));
        model.addAttribute("preferred", Language.byCode(held.language()).orElse(Language.DEFAULT));
        model.addAttribute("problem", problem);
        return "appointments/summary";
    }

    // ---- step 6: confirmation ----

    @PostMapping("/appuntamenti/prenotazione/{token}/conferma")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment held = appointment(token, request, response);
        Service service = serviceOf(held, request);
        Office office = officeOf(held);
        Bookings.StepResult result = bookings.confirm(token, service, office, null);
        if (result instanceof Bookings.Booked) {
            return "redirect:/appuntamenti/mia/" + token + "?prenotato";
        }
        if (result instanceof Bookings.AwaitingConfirmation) {
            return "redirect:/appuntamenti/mia/" + token + "?da-confermare";
        }
        if (result instanceof Bookings.Expired) {
            return expired(held, service, office, request, response, model);
        }
        if (result instanceof Bookings.OverCap overCap) {
            boolean today = overCap.cap() == 0;
            response.setStatus(today ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.CONFLICT.value());
            return summaryView(held, service, office, today ? "appointments.error.rate" : "appointments.error.cap", request,
                    model);
        }
        if (result instanceof Bookings.TooManyNoShows) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return summaryView(held, service, office, "appointments.error.no-shows", request, model);
        }
        return "redirect:/appuntamenti/mia/" + token;
    }

    // ---- the private page ----

    @GetMapping("/appuntamenti/mia/{token}")
    String booking(@PathVariable String token, @RequestParam(name = "prenotato", required = false) String justBooked,
            @RequestParam(name = "da-confermare", required = false) String toConfirm,
            @RequestParam(name = "disdetto", required = false) String justCancelled,
            @RequestParam(name = "spostato", required = false) String justMoved, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Appointment appointment = appointment(token, request, response);
        if (appointment.status() == Status.HELD) {
            return "redirect:/appuntamenti/prenotazione/" + token;
        }
        speakTheAppointmentsLanguage(appointment, request, response, model);
        Service service = serviceOf(appointment, request);
        Office office = officeOf(appointment);
        describe(appointment, service, office, request, model);
        model.addAttribute("justBooked", justBooked != null);
        model.addAttribute("toConfirm", toConfirm != null || appointment.status() == Status.UNCONFIRMED);
        model.addAttribute("justCancelled", justCancelled != null);
        model.addAttribute("justMoved", justMoved != null);
        model.addAttribute("upcoming", appointment.end().isAfter(bookings.now()));
        model.addAttribute("movable", appointment.changeableAt(bookings.now()));
        model.addAttribute("confirmBy", appointment.holdUntil() == null ? null
                : AppointmentMail.when(appointment.holdUntil(), language(request)));
        model.addAttribute("privateLink", mail.privateLink(appointment));
        return "appointments/booking";
    }

    /** A link opened on a device that never chose a language: the appointment's language, kept from here on. */
    private void speakTheAppointmentsLanguage(Appointment appointment, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!VisitorLanguage.chosen(request)) {
            VisitorLanguage.choose(request, response, Language.byCode(appointment.language()).orElse(Language.DEFAULT));
            model.addAttribute("ui", uis.ui(request));
        }
    }

    @PostMapping("/appuntamenti/mia/{token}/conferma")
    String confirmByResident(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Appointment appointment = appointment(token, request, response);
        Service service = serviceOf(appointment, request);
        Office office = officeOf(appointment);
        Bookings.StepResult result = bookings.confirmByResident(token, service, office);
        if (result instanceof Bookings.Expired) {
            return expired(appointment, service, office, request, response, model);
        }
        return "redirect:/appuntamenti/mia/" + token + (result instanceof Bookings.Booked ? "?prenotato" : "");
    }

    /** Opening the link only shows the question: mail scanners open links, and must never cancel anything. */
    @GetMapping("/appuntamenti/mia/{token}/disdici")
    String cancelPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment appointment = appointment(token, request, response);
        speakTheAppointmentsLanguage(appointment, request, response, model);
        Service service = serviceOf(appointment, request);
        Office office = officeOf(appointment);
        describe(appointment, service, office, request, model);
        return "appointments/cancel";
    }

    @PostMapping("/appuntamenti/mia/{token}/disdici")
    String cancel(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Appointment appointment = appointment(token, request, response);
        Service service = store.service(appointment.serviceId(), appointment.language()).orElseThrow();
        Office office = officeOf(appointment);
        bookings.cancel(token, service, office, null);
        return "redirect:/appuntamenti/mia/" + token + "?disdetto";
    }

    /** Another time for the same service and office; the link in the e-mail only shows the choice. */
    @GetMapping("/appuntamenti/mia/{token}/sposta")
    String movePage(@PathVariable String token, @RequestParam(name = "giorno", required = false) String day,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment appointment = appointment(token, request, response);
        speakTheAppointmentsLanguage(appointment, request, response, model);
        return moveView(appointment, SlotPicker.parseDay(day), null, request, model);
    }

    private String moveView(Appointment appointment, LocalDate day, String problem, HttpServletRequest request, Model model) {
        Service service = serviceOf(appointment, request);
        Office office = officeOf(appointment);
        describe(appointment, service, office, request, model);
        model.addAttribute("changeable", appointment.changeableAt(bookings.now()));
        model.addAttribute("problem", problem);
        picker.fillForMove(appointment, service, office, day, language(request), model);
        return "appointments/move";
    }

    @PostMapping("/appuntamenti/mia/{token}/sposta")
    String move(@PathVariable String token, @RequestParam(name = "inizio", defaultValue = "") String start,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment appointment = appointment(token, request, response);
        Instant when;
        try {
            when = Instant.parse(start);
        } catch (DateTimeParseException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return moveView(appointment, null, "appointments.error.slot.missing", request, model);
        }
        Service service = store.service(appointment.serviceId(), appointment.language()).orElseThrow();
        Bookings.MoveResult result = bookings.move(token, service, officeOf(appointment), when, null);
        if (result instanceof Bookings.Moved) {
            return "redirect:/appuntamenti/mia/" + token + "?spostato";
        }
        Bookings.MoveRefused refused = (Bookings.MoveRefused) result;
        String problem = refused.problem();
        response.setStatus(refused.status());
        return moveView(store.byToken(token).orElseThrow(), null, problem, request, model);
    }

    @GetMapping("/appuntamenti/mia/{token}/appuntamento.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Appointment appointment = appointment(token, request, response);
        if (appointment.code() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Office office = officeOf(appointment);
        byte[] entry = mail.entry(appointment, office, appointment.status() == Status.CANCELLED);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CalendarEntry.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("appuntamento-" + appointment.code() + ".ics", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(entry);
    }

    // ---- lookups ----

    /** What every page about one appointment shows: the appointment, its service and office, its time. */
    private void describe(Appointment appointment, Service service, Office office, HttpServletRequest request,
            Model model) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("slot", shown(new Slot(appointment.start(), appointment.end()), language(request)));
    }

    /** The appointment's service, in the visitor's language. */
    private Service serviceOf(Appointment appointment, HttpServletRequest request) {
        return store.service(appointment.serviceId(), language(request).code()).orElseThrow();
    }

    private Office officeOf(Appointment appointment) {
        return store.office(appointment.officeId()).orElseThrow();
    }

    private Service service(String code, HttpServletRequest request) {
        return store.service(code, language(request).code())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Office office(Service service, String code) {
        return store.offices(service.id()).stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The appointment of a private link (never cached nor indexed; guessing is refused). */
    private Appointment appointment(String token, HttpServletRequest request, HttpServletResponse response) {
        return links.find(token, store::byToken, request, response);
    }
}
