package it.comune.immigrati.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.appointments.internal.AppointmentRecords.AgendaEntry;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The office's agenda: one day or one week of an office, on screen, on paper (the page prints without
 * the site's chrome) and as CSV. Appointments are personal data: every reading is audited.
 */
@Controller
class AgendaController {

    private final AppointmentStore store;
    private final Bookings bookings;
    private final ApplicationEventPublisher events;
    private final StaffDirectory staff;
    private final WaitingStore waiting;
    private final DeskStaff deskStaff;

    AgendaController(AppointmentStore store, Bookings bookings, ApplicationEventPublisher events, StaffDirectory staff,
            WaitingStore waiting, DeskStaff deskStaff) {
        this.store = store;
        this.deskStaff = deskStaff;
        this.waiting = waiting;
        this.bookings = bookings;
        this.events = events;
        this.staff = staff;
    }

    /** What the agenda shows: an office (or one person's appointments in every office), a first day and how many days. */
    record Period(Office office, String person, LocalDate first, int days) {

        LocalDate last() {
            return first.plusDays(days - 1L);
        }
    }

    private Period period(String officeCode, String person, String day, String view) {
        List<Office> offices = store.offices();
        if (offices.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Office office = officeCode == null || officeCode.isBlank() ? offices.get(0)
                : offices.stream().filter(o -> o.code().equals(officeCode)).findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? bookings.now().atZone(SlotCalendar.ROME).toLocalDate() : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "giorno");
        }
        boolean week = "settimana".equals(view);
        String who = person == null || person.isBlank() ? null : staff.member(person).map(StaffDirectory.StaffMember::username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return week ? new Period(office, who, date.with(DayOfWeek.MONDAY), 7) : new Period(office, who, date, 1);
    }

    private List<AgendaEntry> entries(Period period, String language, String staff, String how) {
        List<AgendaEntry> entries = store.agenda(period.office().id(), period.person(),
                period.first().atStartOfDay(SlotCalendar.ROME).toInstant(),
                period.last().plusDays(1).atStartOfDay(SlotCalendar.ROME).toInstant(), language);
        events.publishEvent(new Audited(staff, "appointments.agenda.read",
                period.person() == null ? "appointment_office" : "staff", period.person() == null ? period.office().code()
                        : period.person(), how + " " + period.first() + " +" + period.days() + "d, " + entries.size() + " appointments"));
        return entries;
    }

    @GetMapping("/ufficio/appuntamenti")
    @Transactional
    String agenda(@RequestParam(name = "ufficio", required = false) String officeCode,
            @RequestParam(name = "giorno", required = false) String day,
            @RequestParam(name = "vista", required = false) String view,
            @RequestParam(name = "persona", required = false) String person,
            @RequestParam(name = "non-cambiato", required = false) String unchanged,
            @RequestParam(name = "spostato", required = false) String moved,
            @RequestParam(name = "disdetto", required = false) String cancelled,
            @RequestParam(name = "prenotato", required = false) String booked,
            @RequestParam(name = "occupato", required = false) String walkInBusy, Principal user,
            HttpServletRequest request, Model model) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        Period period = period(officeCode, person, day, view);
        List<AgendaEntry> entries = entries(period, language.code(), user.getName(), "page");
        model.addAttribute("person", period.person());
        model.addAttribute("services", store.servicesAt(period.office().id(), language.code()));
        model.addAttribute("walkInBusy", walkInBusy != null);
        model.addAttribute("line", period.person() == null
                ? waiting.lineAt(period.office().id(), bookings.now().atZone(SlotCalendar.ROME).toLocalDate(), language.code())
                : List.of());
        model.addAttribute("names", deskStaff.names());
        DateTimeFormatter dayLabel = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale());
        model.addAttribute("offices", store.offices());
        model.addAttribute("office", period.office());
        model.addAttribute("first", period.first());
        model.addAttribute("week", period.days() == 7);
        model.addAttribute("heading", period.days() == 7
                ? dayLabel.format(period.first()) + " – " + dayLabel.format(period.last()) : dayLabel.format(period.first()));
        model.addAttribute("entries", entries);
        model.addAttribute("dayLabel", dayLabel);
        model.addAttribute("previous", period.first().minusDays(period.days()));
        model.addAttribute("next", period.first().plusDays(period.days()));
        model.addAttribute("unchanged", unchanged);
        model.addAttribute("moved", moved);
        model.addAttribute("cancelled", cancelled);
        model.addAttribute("booked", booked);
        model.addAttribute("now", bookings.now());
        model.addAttribute("mediatorsNeeded", entries.stream().filter(e -> e.needsMediator() && e.mediator() == null).count());
        return "appointments/agenda";
    }

    @GetMapping("/ufficio/appuntamenti/agenda.csv")
    @Transactional
    ResponseEntity<byte[]> csv(@RequestParam(name = "ufficio", required = false) String officeCode,
            @RequestParam(name = "giorno", required = false) String day,
            @RequestParam(name = "vista", required = false) String view,
            @RequestParam(name = "persona", required = false) String person, Principal user) {
        Period period = period(officeCode, person, day, view);
        StringBuilder csv = new StringBuilder(
                "codice;inizio;fine;stato;ufficio;servizio;operatore;senza_appuntamento;email;telefono;lingua;mediatore_richiesto;mediatore;motivo;prenotato_da;note\r\n");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
        for (AgendaEntry e : entries(period, "it", user.getName(), "csv")) {
            csv.append(String.join(";", List.of(cell(e.code()), cell(time.format(e.start().atZone(SlotCalendar.ROME))),
                    cell(time.format(e.end().atZone(SlotCalendar.ROME))), cell(e.status().name()), cell(e.office()),
                    cell(e.serviceName()), cell(e.staff()), e.walkIn() ? "si" : "no", cell(e.email()), cell(e.phone()), cell(e.language()), e.needsMediator() ? "si" : "no", cell(e.mediator()),
                    cell(e.reason()), cell(e.bookedBy()), cell(e.notes())))).append("\r\n");
        }
        // a byte-order mark, so that a spreadsheet opens the accents and the Arabic script as UTF-8
        byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("agenda-" + (period.person() == null ? period.office().code() : period.person().replaceAll("[^A-Za-z0-9._-]", ""))
                                + "-" + period.first() + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    /** The office's note on an appointment, from the agenda; audited without its text (it may be personal). */
    @org.springframework.web.bind.annotation.PostMapping("/ufficio/appuntamenti/{code}/nota")
    @Transactional
    String note(@org.springframework.web.bind.annotation.PathVariable String code,
            @RequestParam(name = "nota", defaultValue = "") String note,
            @RequestParam(name = "ufficio", defaultValue = "") String officeCode,
            @RequestParam(name = "giorno", defaultValue = "") String day,
            @RequestParam(name = "vista", defaultValue = "") String view,
            @RequestParam(name = "persona", defaultValue = "") String person, Principal user) {
        if (note.length() > 2000) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "nota");
        }
        if (!store.saveNote(code, note)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        events.publishEvent(new Audited(user.getName(), "appointment.note", "appointment", code, note.isBlank() ? "removed" : "saved"));
        return back(officeCode, day, view, person);
    }

    /** The same agenda again, from the form's own values, cleaned of anything but what such values hold. */
    static String back(String officeCode, String day, String view, String person) {
        return "redirect:/ufficio/appuntamenti?ufficio=" + officeCode.replaceAll("[^a-z0-9-]", "") + "&giorno="
                + day.replaceAll("[^0-9-]", "") + ("settimana".equals(view) ? "&vista=settimana" : "")
                + (person.isBlank() ? "" : "&persona=" + java.net.URLEncoder.encode(person, StandardCharsets.UTF_8));
    }

    /**
     * Someone served without an appointment, recorded from now on a free desk of the office; when every desk
     * is taken the agenda says so and offers the next free time instead.
     */
    @org.springframework.web.bind.annotation.PostMapping("/ufficio/appuntamenti/senza-appuntamento")
    String walkIn(@RequestParam(name = "ufficio", defaultValue = "") String officeCode,
            @RequestParam(name = "servizio", defaultValue = "") String serviceCode,
            @RequestParam(name = "lingua", defaultValue = "it") String languageCode,
            @RequestParam(name = "mediatore", defaultValue = "false") boolean needsMediator,
            @RequestParam(name = "motivo", defaultValue = "") String reason, Principal user) {
        Office office = store.office(officeCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AppointmentRecords.Service service = store.servicesAt(office.id(), "it").stream()
                .filter(s -> s.code().equals(serviceCode)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "servizio"));
        Language language = Language.byCode(languageCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "lingua"));
        if (reason.length() > Bookings.MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "motivo");
        }
        String today = bookings.now().atZone(SlotCalendar.ROME).toLocalDate().toString();
        if (bookings.walkIn(service, office, language.code(), needsMediator, reason, user.getName())
                instanceof Bookings.WalkedIn w) {
            events.publishEvent(new Audited(user.getName(), "appointment.walk-in", "appointment", w.appointment().code(), ""));
            return back(office.code(), today, "", "") + "&prenotato=" + w.appointment().code();
        }
        return back(office.code(), today, "", "") + "&occupato";
    }

    /** Check-in on arrival, no-show, done: each a button on the agenda, audited; back to the same agenda. */
    @org.springframework.web.bind.annotation.PostMapping("/ufficio/appuntamenti/{code}/{step}")
    @Transactional
    String mark(@org.springframework.web.bind.annotation.PathVariable String code,
            @org.springframework.web.bind.annotation.PathVariable String step,
            @RequestParam(name = "ufficio", defaultValue = "") String officeCode,
            @RequestParam(name = "giorno", defaultValue = "") String day,
            @RequestParam(name = "vista", defaultValue = "") String view,
            @RequestParam(name = "persona", defaultValue = "") String person, Principal user) {
        Step chosen = Step.of(step).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        store.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean moved = store.mark(code, chosen.from, chosen.to, bookings.now());
        if (moved) {
            events.publishEvent(new Audited(user.getName(), "appointment." + chosen.to.name().toLowerCase(Locale.ROOT),
                    "appointment", code, ""));
        }
        return back(officeCode, day, view, person) + (moved ? "" : "&non-cambiato=" + code.replaceAll("[^A-Z0-9-]", ""));
    }

    /** The steps staff take on an appointment, by the word in the address. */
    enum Step {
        ARRIVED("arrivato", List.of(AppointmentRecords.Status.BOOKED), AppointmentRecords.Status.ARRIVED),
        NO_SHOW("non-presentato", List.of(AppointmentRecords.Status.BOOKED), AppointmentRecords.Status.NO_SHOW),
        DONE("svolto", List.of(AppointmentRecords.Status.ARRIVED), AppointmentRecords.Status.DONE);

        final String word;
        final List<AppointmentRecords.Status> from;
        final AppointmentRecords.Status to;

        Step(String word, List<AppointmentRecords.Status> from, AppointmentRecords.Status to) {
            this.word = word;
            this.from = from;
            this.to = to;
        }

        static java.util.Optional<Step> of(String word) {
            return java.util.Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
        }
    }

    /**
     * One CSV cell: quoted when it needs to be, and never read by a spreadsheet as a formula (a reason
     * typed as "=HYPERLINK(...)" stays text).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value.replace("\r", " ").replace("\n", " ");
        if (!text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
