package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Waiting;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;

/**
 * The e-mails about an appointment, in the resident's language, queued in the caller's transaction:
 * the confirmation with its calendar entry, the request to confirm a scarce service, the reminder and
 * the cancellation. Every link leads to a page; none changes anything by being opened.
 */
@Component
class AppointmentMail {

    static final String RELATED_TYPE = "appointment";

    private final MailOutbox outbox;
    private final AciProperties properties;
    private final Clock clock;
    private final AppointmentStore store;

    AppointmentMail(MailOutbox outbox, AciProperties properties, Clock clock, AppointmentStore store) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The private page of the appointment, in its language. */
    String privateLink(Appointment appointment) {
        return properties.mail().publicBaseUrl() + "/appuntamenti/mia/" + appointment.accessToken() + "?lang="
                + appointment.language();
    }

    /** When, as the resident reads it: the weekday, the date and the hour in Rome. */
    static String when(Instant start, Language language) {
        Locale locale = language.locale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start.atZone(SlotCalendar.ROME))
                + ", " + DateTimeFormatter.ofPattern("HH:mm").format(start.atZone(SlotCalendar.ROME));
    }

    private static Language language(Appointment appointment) {
        return Language.byCode(appointment.language()).orElse(Language.DEFAULT);
    }

    private MailMessage common(Appointment appointment, Service service, Office office, String subjectKey) {
        Language language = language(appointment);
        MailMessage message = MailMessage.to(appointment.email(), language)
                .subject(subjectKey, when(appointment.start(), language))
                .about(RELATED_TYPE, appointment.code());
        return message;
    }

    private static void describe(MailMessage message, Appointment appointment, Service service, Office office) {
        Language language = Language.byCode(appointment.language()).orElse(Language.DEFAULT);
        message.paragraph("appointments.mail.service", service.name())
                .paragraph("appointments.mail.when", when(appointment.start(), language))
                .paragraph("appointments.mail.where", office.name(), office.address());
    }

    private static void bring(MailMessage message, Service service) {
        if (!service.bring().isEmpty()) {
            message.paragraph("appointments.mail.bring");
            service.bring().forEach(item -> message.verbatim("• " + item));
        }
    }

    void confirmation(Appointment appointment, Office office) {
        Service service = serviceIn(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.booked.subject")
                .paragraph("appointments.mail.booked.body", appointment.code());
        queueWithCalendar(message, appointment, service, office);
    }

    /** What the confirmation and the move say alike: the appointment, what to bring, the link, the calendar entry. */
    private void queueWithCalendar(MailMessage message, Appointment appointment, Service service, Office office) {
        describe(message, appointment, service, office);
        bring(message, service);
        if (appointment.mediator() != null) {
            message.paragraph("appointments.mail.mediator");
        }
        message.action("appointments.mail.booked.action", privateLink(appointment))
                .paragraph("appointments.mail.calendar")
                .attach("appuntamento-" + appointment.code() + ".ics", CalendarEntry.CONTENT_TYPE,
                        entry(appointment, office, false));
        outbox.queue(message);
    }

    void confirmationRequest(Appointment appointment, Office office) {
        Service service = serviceIn(appointment);
        Language language = language(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.confirm.subject")
                .paragraph("appointments.mail.confirm.body", appointment.code(), when(appointment.holdUntil(), language));
        describe(message, appointment, service, office);
        message.action("appointments.mail.confirm.action", privateLink(appointment));
        outbox.queue(message);
    }

    void reminder(Appointment appointment, Office office) {
        Service service = serviceIn(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.reminder.subject")
                .paragraph("appointments.mail.reminder.body", appointment.code());
        describe(message, appointment, service, office);
        bring(message, service);
        message.action("appointments.mail.booked.action", privateLink(appointment));
        outbox.queue(message);
    }

    /** The new time, the old one named, with the calendar entry that replaces the old one (same UID, next sequence). */
    void moved(Appointment appointment, Office office, Instant was, boolean byOffice) {
        Service service = serviceIn(appointment);
        Language language = language(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.moved.subject")
                .paragraph(byOffice ? "appointments.mail.moved.by-office" : "appointments.mail.moved.body",
                        appointment.code(), when(was, language));
        queueWithCalendar(message, appointment, service, office);
    }

    /** The office's hours changed and the booking no longer fits them: the office will move it, or the resident can. */
    void affected(Appointment appointment, Office office) {
        affected(appointment, office, "appointments.mail.affected.body");
    }

    /** As above, saying why: {@code because} is the message key of the paragraph (hours changed, or the person is away). */
    void affected(Appointment appointment, Office office, String because) {
        Service service = serviceIn(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.affected.subject")
                .paragraph(because, appointment.code());
        describe(message, appointment, service, office);
        message.action("appointments.mail.affected.action", privateLink(appointment));
        outbox.queue(message);
    }

    void cancellation(Appointment appointment, Office office, boolean byOffice) {
        Service service = serviceIn(appointment);
        MailMessage message = common(appointment, service, office, "appointments.mail.cancelled.subject")
                .paragraph(byOffice ? "appointments.mail.cancelled.by-office" : "appointments.mail.cancelled.body",
                        appointment.code());
        describe(message, appointment, service, office);
        message.action("appointments.mail.cancelled.action", properties.mail().publicBaseUrl() + "/appuntamenti?lang="
                + appointment.language())
                .attach("appuntamento-" + appointment.code() + ".ics", CalendarEntry.CONTENT_TYPE,
                        entry(appointment, office, true));
        outbox.queue(message);
    }

    /** The private page of a place on the waiting list, in its language. */
    String waitingLink(Waiting place) {
        return properties.mail().publicBaseUrl() + "/appuntamenti/attesa/" + place.accessToken() + "?lang=" + place.language();
    }

    void waitingJoined(Waiting place, Office office) {
        Language language = Language.byCode(place.language()).orElse(Language.DEFAULT);
        Service service = store.service(place.serviceId(), place.language()).orElseThrow();
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        MailMessage message = MailMessage.to(place.email(), language).subject("appointments.mail.waiting.subject", service.name())
                .about(RELATED_TYPE, "waiting-" + place.id())
                .paragraph("appointments.mail.waiting.body", service.name(), office.name(), days.format(place.fromDay()),
                        days.format(place.toDay()))
                .paragraph("appointments.mail.waiting.how")
                .action("appointments.mail.waiting.action", waitingLink(place));
        outbox.queue(message);
    }

    void waitingOffer(Waiting place, Appointment held, Office office, Instant until) {
        Language language = Language.byCode(place.language()).orElse(Language.DEFAULT);
        Service service = store.service(place.serviceId(), place.language()).orElseThrow();
        MailMessage message = MailMessage.to(place.email(), language).subject("appointments.mail.offer.subject",
                        when(held.start(), language))
                .about(RELATED_TYPE, "waiting-" + place.id())
                .paragraph("appointments.mail.offer.body", when(until, language));
        describe(message, held, service, office);
        message.action("appointments.mail.offer.action", waitingLink(place))
                .paragraph("appointments.mail.offer.pass");
        outbox.queue(message);
    }

    /** The service's texts in the appointment's language: the e-mail speaks it whatever page the resident was on. */
    private Service serviceIn(Appointment appointment) {
        return store.service(appointment.serviceId(), appointment.language()).orElseThrow();
    }

    byte[] entry(Appointment appointment, Office office, boolean cancelled) {
        Service service = serviceIn(appointment);
        return CalendarEntry.of(uid(appointment), appointment.start(), appointment.end(), service.name() + " – "
                + office.name(), office.name() + ", " + office.address(), appointment.code() + "\n" + privateLink(appointment),
                properties.mail().deskAddress(), appointment.moves() + (cancelled ? 1 : 0), cancelled, clock.instant());
    }

    private String uid(Appointment appointment) {
        return appointment.code() + "@" + properties.mail().messageIdDomain();
    }
}
