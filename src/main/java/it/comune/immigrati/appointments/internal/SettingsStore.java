package it.comune.immigrati.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.ExceptionRow;
import it.comune.immigrati.appointments.internal.AppointmentRecords.OfficeRow;
import it.comune.immigrati.appointments.internal.AppointmentRecords.ServiceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static it.comune.immigrati.appointments.internal.AppointmentStore.at;

/** The SQL of the supervisors' settings: services, their texts and offices; offices, their hours and exceptions. */
@Repository
class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a supervisor sets on a service (its texts apart). */
    record ServiceSettings(String code, int durationMinutes, int minNoticeHours, int maxDaysAhead, int maxActivePerPerson,
            boolean scarce, Integer maxNoShows, String guideSlug, boolean active, Set<Long> offices, Set<String> staff) {
    }

    /** A service's texts in one language; empty strings where none is written yet. */
    record ServiceText(String name, String description, String bring) {
    }




    List<ServiceRow> services() {
        return jdbc.sql("""
                SELECT s.code, coalesce(t.name, s.code) AS name, s.duration_minutes, s.active,
                       (SELECT count(*) FROM appointment_service_office so WHERE so.service_id = s.id) AS offices
                FROM appointment_service s
                LEFT JOIN appointment_service_text t ON t.service_id = s.id AND t.language = 'it'
                ORDER BY s.position, s.id
                """).query((rs, n) -> new ServiceRow(rs.getString("code"), rs.getString("name"), rs.getInt("duration_minutes"),
                        rs.getInt("offices"), rs.getBoolean("active"))).list();
    }

    Optional<ServiceSettings> service(String code) {
        return jdbc.sql("""
                SELECT s.*, ARRAY(SELECT office_id FROM appointment_service_office WHERE service_id = s.id) AS office_ids,
                       ARRAY(SELECT username FROM appointment_service_staff WHERE service_id = s.id) AS staff
                FROM appointment_service s WHERE s.code = :code
                """).param("code", code).query((rs, n) -> new ServiceSettings(rs.getString("code"), rs.getInt("duration_minutes"),
                        rs.getInt("min_notice_hours"), rs.getInt("max_days_ahead"), rs.getInt("max_active_per_person"),
                        rs.getBoolean("scarce"), (Integer) rs.getObject("max_no_shows"), rs.getString("guide_slug"),
                        rs.getBoolean("active"), Set.of((Long[]) rs.getArray("office_ids").getArray()),
                        Set.of((String[]) rs.getArray("staff").getArray()))).optional();
    }

    ServiceText text(String code, String language) {
        return jdbc.sql("""
                SELECT t.name, t.description, t.bring FROM appointment_service_text t JOIN appointment_service s ON s.id = t.service_id
                WHERE s.code = :code AND t.language = :language
                """).param("code", code).param("language", language)
                .query((rs, n) -> new ServiceText(rs.getString("name"), rs.getString("description"), rs.getString("bring")))
                .optional().orElse(new ServiceText("", "", ""));
    }

    /** Inserts or updates the service's settings and its offices; returns its id. */
    long saveService(ServiceSettings settings) {
        long id = jdbc.sql("""
                INSERT INTO appointment_service (code, duration_minutes, min_notice_hours, max_days_ahead, max_active_per_person,
                                                 scarce, max_no_shows, guide_slug, active, position)
                VALUES (:code, :duration, :notice, :ahead, :active_max, :scarce, :noShows, :guide, :active,
                        (SELECT coalesce(max(position), 0) + 1 FROM appointment_service))
                ON CONFLICT (code) DO UPDATE SET duration_minutes = :duration, min_notice_hours = :notice, max_days_ahead = :ahead,
                       max_active_per_person = :active_max, scarce = :scarce, max_no_shows = :noShows, guide_slug = :guide,
                       active = :active, updated_at = now()
                RETURNING id
                """).param("code", settings.code()).param("duration", settings.durationMinutes())
                .param("notice", settings.minNoticeHours()).param("ahead", settings.maxDaysAhead())
                .param("active_max", settings.maxActivePerPerson()).param("scarce", settings.scarce())
                .param("noShows", settings.maxNoShows()).param("guide", settings.guideSlug()).param("active", settings.active())
                .query(Long.class).single();
        jdbc.sql("DELETE FROM appointment_service_office WHERE service_id = :s").param("s", id).update();
        for (long office : settings.offices()) {
            jdbc.sql("INSERT INTO appointment_service_office (service_id, office_id) VALUES (:s, :o)").param("s", id)
                    .param("o", office).update();
        }
        jdbc.sql("DELETE FROM appointment_service_staff WHERE service_id = :s").param("s", id).update();
        for (String username : settings.staff()) {
            jdbc.sql("INSERT INTO appointment_service_staff (service_id, username) VALUES (:s, :u)").param("s", id)
                    .param("u", username).update();
        }
        return id;
    }

    void saveText(long serviceId, String language, ServiceText text) {
        jdbc.sql("""
                INSERT INTO appointment_service_text (service_id, language, name, description, bring)
                VALUES (:s, :language, :name, :description, :bring)
                ON CONFLICT (service_id, language) DO UPDATE SET name = :name, description = :description, bring = :bring,
                       updated_at = now()
                """).param("s", serviceId).param("language", language).param("name", text.name())
                .param("description", text.description()).param("bring", text.bring()).update();
    }

    List<OfficeRow> offices() {
        return jdbc.sql("SELECT id, code, name, address, desks, active FROM appointment_office ORDER BY name, id")
                .query((rs, n) -> new OfficeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("address"), rs.getInt("desks"), rs.getBoolean("active"))).list();
    }

    Optional<OfficeRow> office(String code) {
        return offices().stream().filter(o -> o.code().equals(code)).findFirst();
    }

    void createOffice(String code, String name, String address) {
        jdbc.sql("INSERT INTO appointment_office (code, name, address, desks) VALUES (:code, :name, :address, 1)")
                .param("code", code).param("name", name).param("address", address).update();
    }

    /** Bookings still to come whose staff member is away that day and was not replaced. */
    List<Long> uncovered(java.time.Instant now) {
        return jdbc.sql("""
                SELECT a.id FROM appointment a
                WHERE a.staff IS NOT NULL AND a.status IN ('UNCONFIRMED', 'BOOKED') AND lower(a.during) > :now
                  AND EXISTS (SELECT 1 FROM appointment_absence b WHERE b.username = a.staff
                              AND (lower(a.during) AT TIME ZONE 'Europe/Rome')::date BETWEEN b.first_day AND b.last_day)
                ORDER BY lower(a.during)
                """).param("now", at(now)).query(Long.class).list();
    }

    void saveOffice(long id, String name, String address, int desks) {
        jdbc.sql("UPDATE appointment_office SET name = :name, address = :address, desks = :desks, updated_at = now() WHERE id = :id")
                .param("name", name).param("address", address).param("desks", desks).param("id", id).update();
    }

    Map<DayOfWeek, List<SlotCalendar.Opening>> weekly(long officeId) {
        Map<DayOfWeek, List<SlotCalendar.Opening>> weekly = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT weekday, opens, closes FROM appointment_opening WHERE office_id = :o ORDER BY weekday, opens")
                .param("o", officeId).query(rs -> {
                    weekly.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new SlotCalendar.Opening(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                });
        return weekly;
    }

    void saveWeekly(long officeId, Map<DayOfWeek, List<SlotCalendar.Opening>> weekly) {
        jdbc.sql("DELETE FROM appointment_opening WHERE office_id = :o").param("o", officeId).update();
        weekly.forEach((day, openings) -> openings.forEach(opening -> jdbc.sql("""
                INSERT INTO appointment_opening (office_id, weekday, opens, closes) VALUES (:o, :d, :opens, :closes)
                """).param("o", officeId).param("d", day.getValue()).param("opens", opening.opens())
                .param("closes", opening.closes()).update()));
    }

    List<ExceptionRow> exceptions(long officeId, LocalDate from) {
        return jdbc.sql("""
                SELECT id, day, opens, closes, note FROM appointment_exception WHERE office_id = :o AND day >= :from
                ORDER BY day, opens NULLS FIRST
                """).param("o", officeId).param("from", from).query((rs, n) -> new ExceptionRow(rs.getLong("id"),
                        rs.getObject("day", LocalDate.class), rs.getObject("opens", LocalTime.class),
                        rs.getObject("closes", LocalTime.class), rs.getString("note"))).list();
    }

    void addException(long officeId, LocalDate day, LocalTime opens, LocalTime closes, String note) {
        jdbc.sql("INSERT INTO appointment_exception (office_id, day, opens, closes, note) VALUES (:o, :day, :opens, :closes, :note)")
                .param("o", officeId).param("day", day).param("opens", opens).param("closes", closes).param("note", note)
                .update();
    }

    void deleteException(long officeId, long id) {
        jdbc.sql("DELETE FROM appointment_exception WHERE office_id = :o AND id = :id").param("o", officeId).param("id", id)
                .update();
    }

    // ---- staff absences ----

    /** Absences that end today or later, by first day. */
    List<AppointmentRecords.AbsenceRow> absences(LocalDate today) {
        return jdbc.sql("""
                SELECT id, username, first_day, last_day, note FROM appointment_absence WHERE last_day >= :today
                ORDER BY first_day, username
                """).param("today", today).query((rs, n) -> new AppointmentRecords.AbsenceRow(rs.getLong("id"),
                        rs.getString("username"), rs.getString("username"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("note"))).list();
    }

    void addAbsence(String username, LocalDate first, LocalDate last, String note, String by) {
        jdbc.sql("""
                INSERT INTO appointment_absence (username, first_day, last_day, note, created_by)
                VALUES (:u, :first, :last, :note, :by)
                """).param("u", username).param("first", first).param("last", last).param("note", note).param("by", by)
                .update();
    }

    boolean deleteAbsence(long id) {
        return jdbc.sql("DELETE FROM appointment_absence WHERE id = :id").param("id", id).update() == 1;
    }

    /** Bookings still to come, in any office, that this person gives or mediates from {@code first} to {@code last}. */
    List<Long> upcomingOf(String username, LocalDate first, LocalDate last, java.time.Instant now) {
        return jdbc.sql("""
                SELECT id FROM appointment
                WHERE (staff = :u OR mediator = :u) AND status IN ('UNCONFIRMED', 'BOOKED') AND lower(during) > :now
                  AND lower(during) >= :from AND lower(during) < :to
                ORDER BY lower(during)
                """).param("u", username).param("now", at(now))
                .param("from", at(first.atStartOfDay(SlotCalendar.ROME).toInstant()))
                .param("to", at(last.plusDays(1).atStartOfDay(SlotCalendar.ROME).toInstant())).query(Long.class).list();
    }

    /** The office's bookings still to come, that hold a desk. */
    List<Long> upcoming(long officeId, java.time.Instant now) {
        return jdbc.sql("""
                SELECT id FROM appointment WHERE office_id = :o AND status IN ('UNCONFIRMED', 'BOOKED') AND lower(during) > :now
                ORDER BY lower(during)
                """).param("o", officeId).param("now", at(now)).query(Long.class).list();
    }

    /** Remembers that the resident was told their booking no longer fits the hours, so they are told once. */
    boolean markAffected(Appointment appointment) {
        return jdbc.sql("UPDATE appointment SET affected_at = now(), updated_at = now() WHERE id = :id AND affected_at IS NULL")
                .param("id", appointment.id()).update() == 1;
    }
}
