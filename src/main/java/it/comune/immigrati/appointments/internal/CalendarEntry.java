package it.comune.immigrati.appointments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An appointment as a calendar entry (RFC 5545), for the resident's phone calendar: local times in
 * Europe/Rome with that zone's VTIMEZONE, so every calendar shows the office's hour whatever the
 * phone's zone and on both sides of a daylight-saving change (a time in UTC sent people two hours early
 * elsewhere). A moved or cancelled appointment is the same entry, same UID, with a higher sequence (and,
 * cancelled, METHOD:CANCEL), so the calendar replaces it.
 */
final class CalendarEntry {

    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarEntry() {
    }

    /**
     * @param uid         stable for the appointment, so a cancellation replaces the entry
     * @param organizer   the office's e-mail address
     * @param sequence    0 first, higher each time the entry changes (a move, a cancellation)
     * @param cancelled   the entry cancels an earlier one
     */
    static byte[] of(String uid, Instant start, Instant end, String summary, String location, String description,
            String organizer, int sequence, boolean cancelled, Instant stamp) {
        VTimeZone rome = ZONES.getTimeZone(SlotCalendar.ROME.getId()).getVTimeZone();
        ZonedDateTime from = start.atZone(SlotCalendar.ROME);
        ZonedDateTime to = end.atZone(SlotCalendar.ROME);
        VEvent event = new VEvent(from, to, summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        event.add(new Location(location));
        event.add(new Description(description));
        event.add(new Sequence(sequence));
        // the office, as iTIP asks of a published entry: a calendar that replies writes to the desk
        event.add(new Organizer(java.net.URI.create("mailto:" + organizer)));
        if (cancelled) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Area Cittadini Immigrati//Appuntamenti//IT"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        calendar.add(rome);
        calendar.add(event);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
