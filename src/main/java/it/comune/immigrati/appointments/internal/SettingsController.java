package it.comune.immigrati.appointments.internal;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import it.comune.immigrati.appointments.internal.AppointmentRecords.AffectedRow;
import it.comune.immigrati.appointments.internal.AppointmentRecords.OfficeRow;
import it.comune.immigrati.appointments.internal.AppointmentRecords.ServiceForm;
import it.comune.immigrati.appointments.internal.SettingsStore.ServiceSettings;
import it.comune.immigrati.appointments.internal.SettingsStore.ServiceText;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisors' settings of the desk (`/ufficio/appuntamenti/servizi`): services with their rules,
 * texts in each language and offices; offices with their desks, weekly hours and days apart. A change
 * that leaves bookings outside the hours lists them on the office's page and tells their residents.
 */
@Controller
class SettingsController {

    private static final String BASE = "/ufficio/appuntamenti/servizi";

    private final SettingsStore settings;
    private final OfficeSettings offices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final DeskStaff deskStaff;
    private final Bookings bookings;
    private final AppointmentMail mail;
    private final AppointmentStore store;

    SettingsController(SettingsStore settings, OfficeSettings offices, ApplicationEventPublisher events,
            TransactionTemplate transactions, DeskStaff deskStaff, Bookings bookings, AppointmentMail mail,
            AppointmentStore store) {
        this.settings = settings;
        this.offices = offices;
        this.events = events;
        this.transactions = transactions;
        this.deskStaff = deskStaff;
        this.bookings = bookings;
        this.mail = mail;
        this.store = store;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "salvato", required = false) String saved, Model model) {
        return listView(List.of(), Map.of(), saved != null, model);
    }

    /** The settings' first page; {@code typed} holds what a refused form sent, so that it comes back as it was. */
    private String listView(List<String> errors, Map<String, String> typed, boolean saved, Model model) {
        Map<String, String> names = deskStaff.names();
        model.addAttribute("services", settings.services());
        model.addAttribute("offices", settings.offices());
        model.addAttribute("staff", deskStaff.choices());
        model.addAttribute("absences", settings.absences(bookings.now().atZone(SlotCalendar.ROME).toLocalDate()).stream()
                .map(a -> new AppointmentRecords.AbsenceRow(a.id(), a.username(), names.getOrDefault(a.username(), a.username()),
                        a.firstDay(), a.lastDay(), a.note())).toList());
        Language language = Language.of(org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute("uncovered", offices.uncovered().stream()
                .map(a -> new AffectedRow(a.code(), AppointmentMail.when(a.start(), language), a.email())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("saved", saved);
        return "appointments/settings";
    }

    // ---- a new office ----

    @PostMapping(BASE + "/uffici")
    String createOffice(@RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "address", defaultValue = "") String address, Principal user,
            HttpServletResponse response, Model model) {
        List<String> errors = new ArrayList<>();
        if (!code.strip().matches("[a-z0-9-]{2,40}") || settings.office(code.strip()).isPresent()) {
            errors.add("appointments.settings.error.office-code");
        }
        if (name.isBlank() || name.length() > 200) {
            errors.add("appointments.settings.error.office-name");
        }
        if (address.isBlank() || address.length() > 300) {
            errors.add("appointments.settings.error.address");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listView(errors, Map.of("office-code", code, "office-name", name, "address", address), false, model);
        }
        try {
            settings.createOffice(code.strip(), name.strip(), address.strip());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another supervisor created the same code a moment ago
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listView(List.of("appointments.settings.error.office-code"),
                    Map.of("office-code", code, "office-name", name, "address", address), false, model);
        }
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.office.created", "appointment_office", code.strip(), ""));
        return "redirect:" + BASE + "/ufficio/" + code.strip() + "?salvato";
    }

    // ---- staff absences ----

    @PostMapping(BASE + "/assenze")
    String addAbsence(@RequestParam(name = "persona", defaultValue = "") String person,
            @RequestParam(name = "dal", defaultValue = "") String from, @RequestParam(name = "al", defaultValue = "") String to,
            @RequestParam(name = "nota", defaultValue = "") String note, Principal user, HttpServletResponse response,
            Model model) {
        List<String> errors = new ArrayList<>();
        if (deskStaff.choices().stream().noneMatch(c -> c.username().equals(person))) {
            errors.add("appointments.settings.error.absence-person");
        }
        LocalDate first = date(from);
        LocalDate last = to.isBlank() ? first : date(to);
        if (first == null) {
            errors.add("appointments.settings.error.absence-from");
        }
        if (!to.isBlank() && last == null) {
            errors.add("appointments.settings.error.absence-to");
        }
        if (first != null && last != null && (last.isBefore(first) || last.isBefore(bookings.now().atZone(SlotCalendar.ROME).toLocalDate())
                || first.plusYears(1).isBefore(last))) {
            errors.add("appointments.settings.error.absence-to");
        }
        if (note.length() > 200) {
            errors.add("appointments.settings.error.absence-note");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listView(errors, Map.of("absence-person", person, "absence-from", from, "absence-to", to,
                    "absence-note", note), false, model);
        }
        LocalDate firstDay = first;
        LocalDate lastDay = last;
        transactions.executeWithoutResult(tx -> {
            settings.addAbsence(person, firstDay, lastDay, note.strip(), user.getName());
            for (AppointmentRecords.Appointment left : bookings.coverAbsence(
                    settings.upcomingOf(person, firstDay, lastDay, bookings.now()), person)) {
                if (settings.markAffected(left)) {
                    mail.affected(left, store.office(left.officeId()).orElseThrow(), "appointments.mail.absence.body");
                }
            }
        });
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.absence.added", "staff", person, from + " " + to));
        return "redirect:" + BASE + "?salvato#absences-title";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @PostMapping(BASE + "/assenze/{id}/elimina")
    String deleteAbsence(@PathVariable long id, Principal user) {
        if (!settings.deleteAbsence(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.absence.removed", "appointment_absence", "" + id, ""));
        return "redirect:" + BASE + "?salvato#absences-title";
    }

    // ---- a service ----


    @GetMapping(BASE + "/servizio/{code}")
    String service(@PathVariable String code, @RequestParam(name = "lingua", defaultValue = "it") String language,
            @RequestParam(name = "salvato", required = false) String saved, Model model) {
        Language lang = Language.byCode(language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ServiceForm form;
        if ("nuovo".equals(code)) {
            form = new ServiceForm("", "30", "2", "60", "1", false, "", "", true, Set.of(), lang.code(), "", "", "", Set.of());
        } else {
            ServiceSettings s = settings.service(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            ServiceText text = settings.text(code, lang.code());
            form = new ServiceForm(s.code(), "" + s.durationMinutes(), "" + s.minNoticeHours(), "" + s.maxDaysAhead(),
                    "" + s.maxActivePerPerson(), s.scarce(), s.maxNoShows() == null ? "" : "" + s.maxNoShows(),
                    s.guideSlug() == null ? "" : s.guideSlug(), s.active(), s.offices(), lang.code(), text.name(),
                    text.description(), text.bring(), s.staff());
        }
        return serviceView(code, form, List.of(), saved != null, model);
    }

    private String serviceView(String code, ServiceForm form, List<String> errors, boolean saved, Model model) {
        model.addAttribute("path", BASE + "/servizio/" + code);
        model.addAttribute("creating", "nuovo".equals(code));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("offices", settings.offices());
        model.addAttribute("staff", deskStaff.choices());
        return "appointments/settings-service";
    }

    @PostMapping(BASE + "/servizio/{code}")
    String saveService(@PathVariable String code, @RequestParam MultiValueMap<String, String> fields, Principal user,
            HttpServletResponse response, Model model) {
        boolean creating = "nuovo".equals(code);
        if (!creating && settings.service(code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Set<Long> chosen = Optional.ofNullable(fields.get("uffici")).orElse(List.of()).stream()
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).collect(Collectors.toSet());
        ServiceForm form = new ServiceForm(creating ? value(fields, "code") : code, value(fields, "duration"),
                value(fields, "minNotice"), value(fields, "maxDays"), value(fields, "maxActive"),
                "true".equals(fields.getFirst("scarce")), value(fields, "maxNoShows"), value(fields, "guide"),
                "true".equals(fields.getFirst("active")), chosen,
                Language.byCode(value(fields, "language")).orElse(Language.DEFAULT).code(), value(fields, "name"),
                value(fields, "description"), value(fields, "bring"),
                Set.copyOf(Optional.ofNullable(fields.get("persone")).orElse(List.of())));
        List<String> errors = new ArrayList<>();
        if (!form.code().matches("[a-z0-9-]{2,60}") || (creating && settings.service(form.code()).isPresent())) {
            errors.add("appointments.settings.error.code");
        }
        Integer duration = number(form.duration(), 5, 240, "appointments.settings.error.duration", errors);
        Integer notice = number(form.minNotice(), 0, 720, "appointments.settings.error.notice", errors);
        Integer days = number(form.maxDays(), 1, 366, "appointments.settings.error.days", errors);
        Integer active = number(form.maxActive(), 1, 10, "appointments.settings.error.active", errors);
        Integer noShows = form.maxNoShows().isBlank() ? null
                : number(form.maxNoShows(), 1, 20, "appointments.settings.error.noshows", errors);
        if (!form.guide().isBlank() && !form.guide().matches("[a-z0-9-]{2,80}")) {
            errors.add("appointments.settings.error.guide");
        }
        if (form.name().isBlank() || form.name().length() > 200) {
            errors.add("appointments.settings.error.name");
        }
        if (form.description().length() > 2000 || form.bring().length() > 2000) {
            errors.add("appointments.settings.error.description");
        }
        Set<Long> known = settings.offices().stream().map(OfficeRow::id).collect(Collectors.toSet());
        if (!known.containsAll(chosen)) {
            errors.add("appointments.settings.error.offices");
        }
        if (!deskStaff.choices().stream().map(AppointmentRecords.StaffChoice::username).collect(Collectors.toSet())
                .containsAll(form.staff())) {
            errors.add("appointments.settings.error.staff");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return serviceView(code, form, errors, false, model);
        }
        transactions.executeWithoutResult(tx -> {
            long id = settings.saveService(new ServiceSettings(form.code(), duration, notice, days, active, form.scarce(), noShows,
                    form.guide().isBlank() ? null : form.guide(), form.active(), chosen, form.staff()));
            settings.saveText(id, form.language(), new ServiceText(form.name().strip(), form.description().strip(),
                    form.bring().strip()));
        });
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.service.saved", "appointment_service", form.code(),
                form.language()));
        return "redirect:" + BASE + "/servizio/" + form.code() + "?lingua=" + form.language() + "&salvato";
    }

    private static String value(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static Integer number(String text, int min, int max, String error, List<String> errors) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(error);
        return null;
    }

    // ---- an office ----

    private OfficeRow office(String code) {
        return settings.office(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(BASE + "/ufficio/{code}")
    String office(@PathVariable String code, @RequestParam(name = "salvato", required = false) String saved, Model model) {
        OfficeRow office = office(code);
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, List<SlotCalendar.Opening>> weekly = settings.weekly(office.id());
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, OfficeSettings.format(weekly.getOrDefault(day, List.of())));
        }
        return officeView(office, office.name(), office.address(), "" + office.desks(), hours, List.of(), saved != null, model);
    }

    private String officeView(OfficeRow office, String name, String address, String desks, Map<DayOfWeek, String> hours,
            List<String> errors, boolean saved, Model model) {
        model.addAttribute("office", office);
        model.addAttribute("name", name);
        model.addAttribute("address", address);
        model.addAttribute("desks", desks);
        model.addAttribute("hours", hours);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("exceptions", settings.exceptions(office.id(), LocalDate.now(SlotCalendar.ROME)));
        model.addAttribute("affected", offices.affected(office).stream()
                .map(a -> new AffectedRow(a.code(), AppointmentMail.when(a.start(), Language.of(org.springframework.context.i18n.LocaleContextHolder.getLocale())), a.email())).toList());
        return "appointments/settings-office";
    }


    @PostMapping(BASE + "/ufficio/{code}")
    String saveOffice(@PathVariable String code, @RequestParam MultiValueMap<String, String> fields, Principal user,
            HttpServletResponse response, Model model) {
        OfficeRow office = office(code);
        String name = value(fields, "name");
        String address = value(fields, "address");
        String desksText = value(fields, "desks");
        Map<DayOfWeek, String> hours = new LinkedHashMap<>();
        Map<DayOfWeek, List<SlotCalendar.Opening>> weekly = new EnumMap<>(DayOfWeek.class);
        List<String> errors = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = value(fields, "ore-" + day.getValue());
            hours.put(day, text);
            Optional<List<SlotCalendar.Opening>> parsed = OfficeSettings.parse(text);
            if (parsed.isEmpty()) {
                errors.add("appointments.settings.error.hours-" + day.getValue());
            } else if (!parsed.get().isEmpty()) {
                weekly.put(day, parsed.get());
            }
        }
        if (name.isBlank() || name.length() > 200) {
            errors.add("appointments.settings.error.office-name");
        }
        if (address.isBlank() || address.length() > 300) {
            errors.add("appointments.settings.error.address");
        }
        Integer desks = number(desksText, 1, 50, "appointments.settings.error.desks", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return officeView(office, name, address, desksText, hours, errors, false, model);
        }
        offices.change(office, () -> {
            settings.saveOffice(office.id(), name, address, desks);
            settings.saveWeekly(office.id(), weekly);
        });
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.office.saved", "appointment_office", code, ""));
        return "redirect:" + BASE + "/ufficio/" + code + "?salvato";
    }

    @PostMapping(BASE + "/ufficio/{code}/eccezioni")
    String addException(@PathVariable String code, @RequestParam(name = "giorno", defaultValue = "") String day,
            @RequestParam(name = "apre", defaultValue = "") String opens, @RequestParam(name = "chiude", defaultValue = "") String closes,
            @RequestParam(name = "nota", defaultValue = "") String note, Principal user) {
        OfficeRow office = office(code);
        LocalDate date;
        LocalTime from = null;
        LocalTime to = null;
        try {
            date = LocalDate.parse(day);
            if (!opens.isBlank() || !closes.isBlank()) {
                from = LocalTime.parse(opens);
                to = LocalTime.parse(closes);
            }
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "giorno");
        }
        if (from != null && !from.isBefore(to) || note.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "orari");
        }
        LocalTime opening = from;
        LocalTime closing = to;
        offices.change(office, () -> settings.addException(office.id(), date, opening, closing, note.strip()));
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.office.exception", "appointment_office", code, day));
        return "redirect:" + BASE + "/ufficio/" + code + "?salvato";
    }

    @PostMapping(BASE + "/ufficio/{code}/eccezioni/{id}/elimina")
    String deleteException(@PathVariable String code, @PathVariable long id, Principal user) {
        OfficeRow office = office(code);
        offices.change(office, () -> settings.deleteException(office.id(), id));
        bookings.settingsChanged();
        events.publishEvent(new Audited(user.getName(), "appointments.office.exception-removed", "appointment_office", code,
                "" + id));
        return "redirect:" + BASE + "/ufficio/" + code + "?salvato";
    }
}
