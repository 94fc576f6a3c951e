package it.comune.immigrati.appointments.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The calendar entry reads back, with ical4j, as the office's hour in Rome in winter and in summer. */
class CalendarEntryTest {

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static ZonedDateTime start(Calendar calendar) {
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        DtStart<Temporal> start = event.getDateTimeStart();
        return ZonedDateTime.from(start.getDate());
    }

    @Test
    void anAppointmentInWinterAndOneInSummerReadBackAtTheirHourInRome() throws Exception {
        // 9:30 in Rome: 08:30Z in January (CET), 07:30Z in July (CEST)
        for (String utc : new String[] { "2027-01-14T08:30:00Z", "2027-07-15T07:30:00Z" }) {
            Instant start = Instant.parse(utc);
            byte[] ics = CalendarEntry.of("A-2027-000001@aci.test", start, start.plusSeconds(1800),
                    "Rinnovo del permesso – Ufficio", "Ufficio, Piazza della Repubblica 7", "A-2027-000001", "sportello@comune.example", 0, false,
                    Instant.parse("2026-12-01T10:00:00Z"));
            String text = new String(ics, UTF_8);
            assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:Europe/Rome", "DTSTART;TZID=Europe/Rome:", "T093000",
                    "METHOD:PUBLISH", "UID:A-2027-000001@aci.test",
                    "ORGANIZER:mailto:sportello@comune.example");
            Calendar calendar = parse(ics);
            ZonedDateTime read = start(calendar);
            assertThat(read.toInstant()).isEqualTo(start);
            assertThat(read.withZoneSameInstant(ZoneId.of("Europe/Rome")).toLocalTime().toString()).isEqualTo("09:30");
            assertThat(calendar.getComponent(Component.VTIMEZONE)).isPresent();
        }
    }

    @Test
    void aCancellationIsTheSameEntryMarkedCancelled() throws Exception {
        Instant start = Instant.parse("2027-03-01T08:00:00Z");
        Calendar calendar = parse(CalendarEntry.of("A-2027-000002@aci.test", start, start.plusSeconds(1800), "S", "L", "D",
                "sportello@comune.example", 3, true, Instant.now()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("A-2027-000002@aci.test");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
    }
}
