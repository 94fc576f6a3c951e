package it.comune.immigrati.appointments.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Details;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Status;
import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking through JSON, for a kiosk at the desk or an app: the same services, times, holds, limits and
 * e-mails as the pages, through the same {@link Bookings}. Error messages come in the language of
 * {@code ?lang=}.
 */
@RestController
@RequestMapping(value = "/api/v1/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Appointments", description = "Desk appointments: services, free times, holding a time, booking, cancelling")
class AppointmentsApiController {

    private final AppointmentStore store;
    private final Bookings bookings;
    private final AppointmentMail mail;
    private final MessageSource messages;
    private final ProofOfWork proofOfWork;

    AppointmentsApiController(AppointmentStore store, Bookings bookings, AppointmentMail mail, MessageSource messages,
            ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
        this.store = store;
        this.bookings = bookings;
        this.mail = mail;
        this.messages = messages;
    }

    public record OfficeItem(String code, String name, String address) {
    }

    public record ServiceItem(String code, String name, String description, int durationMinutes, List<String> bring,
            boolean confirmByEmail, List<OfficeItem> offices) {
    }

    public record SlotItem(Instant start, Instant end) {
    }

    /** {@code altcha}: the solved challenge of GET /challenge, base64 (optional: without it the small allowance). */
    public record NewHold(String service, String office, Instant start, String language, String altcha) {
    }

    public record HoldItem(String token, Instant start, Instant end, Instant holdUntil) {
    }

    public record NewBooking(String email, String phone, String reason, String language, Boolean needsMediator,
            Boolean privacyConsent) {
    }

    public record BookingItem(String code, String status, Instant start, Instant end, String privateLink) {
    }

    private static Language language(String lang) {
        return Language.byCode(lang).orElse(Language.DEFAULT);
    }

    @GetMapping("/services")
    @Operation(summary = "The services booked at the desk, with the offices that give them")
    List<ServiceItem> services(@Parameter(description = "language code, e.g. it, en, ar") @RequestParam(defaultValue = "it") String lang) {
        return store.services(language(lang).code()).stream().map(service -> new ServiceItem(service.code(), service.name(),
                service.description(), service.durationMinutes(), service.bring(), service.scarce(),
                store.offices(service.id()).stream().map(o -> new OfficeItem(o.code(), o.name(), o.address())).toList()))
                .toList();
    }

    @GetMapping("/services/{service}/offices/{office}/slots")
    @Operation(summary = "Free times of a service at an office, earliest first")
    ResponseEntity<List<SlotItem>> slots(@PathVariable String service, @PathVariable String office,
            @Parameter(description = "at most this many (1-500)") @RequestParam(defaultValue = "50") int limit) {
        Optional<Service> found = store.service(service, "it");
        Optional<Office> at = found.flatMap(s -> store.offices(s.id()).stream().filter(o -> o.code().equals(office)).findFirst());
        if (at.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(bookings.nextFree(found.get(), at.get(), Math.max(1, Math.min(limit, 500))).stream()
                .map(slot -> new SlotItem(slot.start(), slot.end())).toList());
    }

    @GetMapping("/challenge")
    @Operation(summary = "A proof-of-work challenge (ALTCHA, SHA-256) to solve before holding a time",
            description = "Find the number n in [0, maxnumber] with SHA-256(salt + n) = challenge (hex), then send "
                    + "base64 of {\"algorithm\", \"challenge\", \"number\": n, \"salt\", \"signature\"} as `altcha` "
                    + "with POST /holds. Each challenge is valid for an hour and once. Holds without a solution are limited "
                    + "to aci.appointments.unverified-holds-per-client-per-hour per client, shared with the web pages.")
    ResponseEntity<String> challenge() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store").body(proofOfWork.challenge());
    }

    @PostMapping(value = "/holds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hold a free time for a few minutes, while the person's details are written",
            description = "409 when someone else has just taken it (ask for the free times again), 422 when it is not "
                    + "one of the service's times, 429 when this client has held too many (fewer without a solved "
                    + "challenge in `altcha`).")
    ResponseEntity<?> hold(@RequestBody NewHold body, @RequestParam(defaultValue = "it") String lang,
            HttpServletRequest request) {
        Language ui = language(lang);
        Optional<Service> service = body.service() == null ? Optional.empty() : store.service(body.service(), "it");
        Optional<Office> office = service.flatMap(s -> store.offices(s.id()).stream()
                .filter(o -> o.code().equals(body.office())).findFirst());
        if (office.isEmpty() || body.start() == null) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, List.of("appointments.error.slot.not-offered"), ui);
        }
        Bookings.HoldResult result = bookings.hold(service.get(), office.get(), body.start(),
                language(body.language()).code(), request.getRemoteAddr(), proofOfWork.verify(body.altcha()));
        if (result instanceof Bookings.Held held) {
            Appointment a = held.appointment();
            return ResponseEntity.created(URI.create("/api/v1/appointments/holds/" + a.accessToken()))
                    .body(new HoldItem(a.accessToken(), a.start(), a.end(), a.holdUntil()));
        }
        if (result instanceof Bookings.Limited) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, List.of("appointments.error.rate"), ui);
        }
        if (result instanceof Bookings.NotOffered) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, List.of("appointments.error.slot.not-offered"), ui);
        }
        Bookings.Taken.class.cast(result);
        return problem(HttpStatus.CONFLICT, List.of("appointments.error.slot.taken"), ui);
    }

    @PostMapping(value = "/holds/{token}/booking", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Book the held time with the person's details; the confirmation e-mail is queued",
            description = "201 with the code and the private link. For a service with confirmByEmail the status is "
                    + "UNCONFIRMED until the person confirms from the e-mail. 410 when the hold ran out, 409 when the "
                    + "address already has as many bookings of the service as one person may, 422 with the reasons.")
    ResponseEntity<?> book(@PathVariable String token, @RequestBody NewBooking body,
            @RequestParam(defaultValue = "it") String lang) {
        Language ui = language(lang);
        Optional<Appointment> held = token.length() == 22 ? store.byToken(token) : Optional.empty();
        if (held.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Service service = store.service(held.get().serviceId(), "it").orElseThrow();
        Office office = store.office(held.get().officeId()).orElseThrow();
        if (held.get().status() == Status.HELD) {
            Bookings.StepResult saved = bookings.saveDetails(held.get(), new Details(body.email(), body.phone(),
                    body.reason(), body.language() == null ? ui.code() : body.language(),
                    Boolean.TRUE.equals(body.needsMediator()), Boolean.TRUE.equals(body.privacyConsent())));
            if (saved instanceof Bookings.Invalid invalid) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, invalid.errors(), ui);
            }
            if (saved instanceof Bookings.Expired) {
                return problem(HttpStatus.GONE, List.of("appointments.error.hold.expired"), ui);
            }
        }
        Bookings.StepResult result = bookings.confirm(token, service, office, null);
        if (result instanceof Bookings.Booked booked) {
            return created(booked.appointment());
        }
        if (result instanceof Bookings.AwaitingConfirmation waiting) {
            return created(waiting.appointment());
        }
        if (result instanceof Bookings.Expired) {
            return problem(HttpStatus.GONE, List.of("appointments.error.hold.expired"), ui);
        }
        if (result instanceof Bookings.OverCap overCap) {
            return overCap.cap() == 0 ? problem(HttpStatus.TOO_MANY_REQUESTS, List.of("appointments.error.rate"), ui)
                    : problem(HttpStatus.CONFLICT, List.of("appointments.error.cap"), ui);
        }
        if (result instanceof Bookings.TooManyNoShows) {
            return problem(HttpStatus.CONFLICT, List.of("appointments.error.no-shows"), ui);
        }
        return problem(HttpStatus.CONFLICT, List.of("appointments.cancel.not-active"), ui);
    }

    private ResponseEntity<BookingItem> created(Appointment appointment) {
        String link = mail.privateLink(appointment);
        return ResponseEntity.created(URI.create(link)).body(new BookingItem(appointment.code(), appointment.status().name(),
                appointment.start(), appointment.end(), link));
    }

    @DeleteMapping("/{token}")
    @Operation(summary = "Cancel a booking that has not happened yet; the person is told by e-mail")
    ResponseEntity<?> cancel(@PathVariable String token, @RequestParam(defaultValue = "it") String lang) {
        Optional<Appointment> appointment = token.length() == 22 ? store.byToken(token) : Optional.empty();
        if (appointment.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Bookings.StepResult result = bookings.cancel(token, store.service(appointment.get().serviceId(), "it").orElseThrow(),
                store.office(appointment.get().officeId()).orElseThrow(), null);
        Appointment after = ((Bookings.Gone) result).appointment();
        return after.status() == Status.CANCELLED && appointment.get().status() != Status.CANCELLED
                ? ResponseEntity.noContent().build()
                : problem(HttpStatus.CONFLICT, List.of("appointments.cancel.not-active"), language(lang));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, List<String> keys, Language language) {
        return it.comune.immigrati.site.ApiProblem.of(messages, status, keys, language);
    }
}
