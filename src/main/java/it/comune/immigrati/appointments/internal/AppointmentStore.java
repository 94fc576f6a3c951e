package it.comune.immigrati.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.comune.immigrati.appointments.internal.AppointmentRecords.AgendaEntry;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Busy;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The appointments' SQL. */
@Component
class AppointmentStore {

    private static final String SERVICE_COLUMNS = """
            s.id, s.code, s.duration_minutes, s.min_notice_hours, s.max_days_ahead, s.max_active_per_person, s.scarce,
            s.max_no_shows, s.guide_slug, coalesce(t.name, it.name) AS name, coalesce(t.description, it.description, '') AS description,
            coalesce(t.bring, it.bring, '') AS bring
            FROM appointment_service s
            LEFT JOIN appointment_service_text t ON t.service_id = s.id AND t.language = :language
            LEFT JOIN appointment_service_text it ON it.service_id = s.id AND it.language = 'it'
            """;
    private static final String APPOINTMENT_COLUMNS = """
            id, code, access_token, service_id, office_id, desk, lower(during) AS starts, upper(during) AS ends, status,
            hold_until, email, phone, reason, language, needs_mediator, mediator, booked_by, booked_at, moves, staff, walk_in
            """;

    /** No appointment: what {@code except} takes when none is left out (ids start at 1). */
    static final long NONE = 0;

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // ---- services and offices ----

    List<Service> services(String language) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " WHERE s.active ORDER BY s.position, s.id")
                .param("language", language).query(AppointmentStore::service).list();
    }

    Optional<Service> service(String code, String language) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " WHERE s.code = :code AND s.active")
                .param("language", language).param("code", code).query(AppointmentStore::service).optional();
    }

    Optional<Service> service(long id, String language) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " WHERE s.id = :id")
                .param("language", language).param("id", id).query(AppointmentStore::service).optional();
    }

    /** The active services given at the office. */
    List<Service> servicesAt(long officeId, String language) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + """
                 WHERE s.active AND EXISTS (SELECT 1 FROM appointment_service_office so
                    WHERE so.service_id = s.id AND so.office_id = :office)
                ORDER BY s.position, s.id
                """).param("language", language).param("office", officeId).query(AppointmentStore::service).list();
    }

    /** The active services that belong to a guide and are given at an active office. */
    List<Service> servicesForGuide(String slug, String language) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + """
                 WHERE s.active AND s.guide_slug = :slug AND EXISTS (
                    SELECT 1 FROM appointment_service_office so JOIN appointment_office o ON o.id = so.office_id
                    WHERE so.service_id = s.id AND o.active)
                ORDER BY s.position, s.id
                """).param("language", language).param("slug", slug).query(AppointmentStore::service).list();
    }

    private static Service service(ResultSet rs, int row) throws SQLException {
        List<String> bring = Arrays.stream(rs.getString("bring").split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return new Service(rs.getLong("id"), rs.getString("code"), rs.getInt("duration_minutes"),
                rs.getInt("min_notice_hours"), rs.getInt("max_days_ahead"), rs.getInt("max_active_per_person"),
                rs.getBoolean("scarce"), rs.getString("guide_slug"), rs.getString("name"), rs.getString("description"),
                bring, (Integer) rs.getObject("max_no_shows"));
    }

    /** The active offices that give the service. */
    List<Office> offices(long serviceId) {
        return jdbc.sql("""
                SELECT o.id, o.code, o.name, o.address, o.desks FROM appointment_office o
                JOIN appointment_service_office so ON so.office_id = o.id
                WHERE so.service_id = :service AND o.active ORDER BY o.name
                """).param("service", serviceId).query(AppointmentStore::office).list();
    }

    List<Office> offices() {
        return jdbc.sql("SELECT id, code, name, address, desks FROM appointment_office WHERE active ORDER BY name")
                .query(AppointmentStore::office).list();
    }

    Optional<Office> office(String code) {
        return jdbc.sql("SELECT id, code, name, address, desks FROM appointment_office WHERE code = :code AND active")
                .param("code", code).query(AppointmentStore::office).optional();
    }

    Optional<Office> office(long id) {
        return jdbc.sql("SELECT id, code, name, address, desks FROM appointment_office WHERE id = :id")
                .param("id", id).query(AppointmentStore::office).optional();
    }

    private static Office office(ResultSet rs, int row) throws SQLException {
        return new Office(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("address"),
                rs.getInt("desks"));
    }

    /** The office's weekly hours and its days with hours of their own between {@code first} and {@code last}. */
    SlotCalendar.Hours hours(long officeId, LocalDate first, LocalDate last) {
        Map<DayOfWeek, List<SlotCalendar.Opening>> weekly = new HashMap<>();
        jdbc.sql("SELECT weekday, opens, closes FROM appointment_opening WHERE office_id = :office ORDER BY opens")
                .param("office", officeId).query(rs -> {
                    weekly.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new SlotCalendar.Opening(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                });
        Map<LocalDate, List<SlotCalendar.Opening>> exceptions = new HashMap<>();
        jdbc.sql("""
                SELECT day, opens, closes FROM appointment_exception
                WHERE office_id = :office AND day BETWEEN :first AND :last ORDER BY day, opens
                """).param("office", officeId).param("first", first).param("last", last).query(rs -> {
                    List<SlotCalendar.Opening> day = exceptions.computeIfAbsent(rs.getObject(1, LocalDate.class),
                            d -> new ArrayList<>());
                    LocalTime opens = rs.getObject(2, LocalTime.class);
                    if (opens != null) {
                        day.add(new SlotCalendar.Opening(opens, rs.getObject(3, LocalTime.class)));
                    }
                });
        return new SlotCalendar.Hours(weekly, exceptions);
    }

    // ---- time taken ----

    /** The desks taken between two instants, counting holds only until they run out. */
    List<Busy> busy(long officeId, Instant from, Instant to, Instant now) {
        return busy(officeId, from, to, now, NONE);
    }

    /**
     * As above, leaving out the appointment {@code except}: a booking being moved does not stand in its
     * own way, so it can move to a time that overlaps the one it leaves (after its office's hours changed).
     */
    List<Busy> busy(long officeId, Instant from, Instant to, Instant now, long except) {
        return jdbc.sql("""
                SELECT desk, lower(during) AS starts, upper(during) AS ends FROM appointment
                WHERE office_id = :office AND during && tstzrange(:from, :to, '[)') AND id <> :except
                  AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED')
                  AND (status NOT IN ('HELD', 'UNCONFIRMED') OR hold_until > :now)
                """).param("office", officeId).param("from", at(from)).param("to", at(to)).param("now", at(now))
                .param("except", except)
                .query((rs, n) -> new Busy(rs.getInt("desk"), instant(rs, "starts"), instant(rs, "ends"))).list();
    }

    /** Marks the holds that ran out over a time range as expired, so that the range can be taken again. */
    int expireHolds(long officeId, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                UPDATE appointment SET status = 'EXPIRED', updated_at = now()
                WHERE office_id = :office AND during && tstzrange(:from, :to, '[)')
                  AND status IN ('HELD', 'UNCONFIRMED') AND hold_until <= :now
                """).param("office", officeId).param("from", at(from)).param("to", at(to)).param("now", at(now)).update();
    }

    /** Every hold that ran out, anywhere (the periodic tidy-up). */
    int expireHolds(Instant now) {
        return jdbc.sql("""
                UPDATE appointment SET status = 'EXPIRED', updated_at = now()
                WHERE status IN ('HELD', 'UNCONFIRMED') AND hold_until <= :now
                """).param("now", at(now)).update();
    }

    /** Marks the holds of these staff members that ran out over a time range, in any office, as expired. */
    int expireStaffHolds(List<String> usernames, Instant from, Instant to, Instant now) {
        if (usernames.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE appointment SET status = 'EXPIRED', updated_at = now()
                WHERE staff IN (:staff) AND during && tstzrange(:from, :to, '[)')
                  AND status IN ('HELD', 'UNCONFIRMED') AND hold_until <= :now
                """).param("staff", usernames).param("from", at(from)).param("to", at(to)).param("now", at(now)).update();
    }

    /** The times these staff members are taken, in any office, as the one who gives it or as mediator. */
    List<StaffBusy> staffBusy(List<String> usernames, Instant from, Instant to, Instant now) {
        return staffBusy(usernames, from, to, now, NONE);
    }

    /** As above, leaving out the appointment {@code except} (one being moved). */
    List<StaffBusy> staffBusy(List<String> usernames, Instant from, Instant to, Instant now, long except) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT staff AS who, lower(during) AS starts, upper(during) AS ends FROM appointment
                WHERE during && tstzrange(:from, :to, '[)') AND staff IN (:staff) AND id <> :except
                  AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED')
                  AND (status NOT IN ('HELD', 'UNCONFIRMED') OR hold_until > :now)
                UNION ALL
                SELECT mediator, lower(during), upper(during) FROM appointment
                WHERE during && tstzrange(:from, :to, '[)') AND mediator IN (:staff) AND id <> :except
                  AND status IN ('UNCONFIRMED', 'BOOKED', 'ARRIVED')
                """).param("staff", usernames).param("from", at(from)).param("to", at(to)).param("now", at(now))
                .param("except", except)
                .query((rs, n) -> new StaffBusy(rs.getString("who"), instant(rs, "starts"), instant(rs, "ends"))).list();
    }

    /** A staff member taken from {@code start} to {@code end}. */
    record StaffBusy(String username, Instant start, Instant end) {
    }

    /** The days away of these staff members that touch the days from {@code first} to {@code last}. */
    List<AppointmentRecords.AbsenceRow> absences(List<String> usernames, LocalDate first, LocalDate last) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, username, first_day, last_day, note FROM appointment_absence
                WHERE username IN (:staff) AND first_day <= :last AND last_day >= :first ORDER BY first_day
                """).param("staff", usernames).param("first", first).param("last", last)
                .query((rs, n) -> new AppointmentRecords.AbsenceRow(rs.getLong("id"), rs.getString("username"),
                        rs.getString("username"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("note"))).list();
    }

    /** Whether the staff member is away on that day. */
    boolean absent(String username, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM appointment_absence WHERE username = :u AND :day BETWEEN first_day AND last_day)
                """).param("u", username).param("day", day).query(Boolean.class).single();
    }

    /** The staff who can give the service; empty when anyone at the desk can. */
    List<String> serviceStaff(long serviceId) {
        return jdbc.sql("SELECT username FROM appointment_service_staff WHERE service_id = :s ORDER BY username")
                .param("s", serviceId).query(String.class).list();
    }

    /**
     * A new hold of a desk, and of the staff member who will give it when the service names its staff;
     * the exclusion constraints refuse it if the desk or the person is taken.
     */
    Appointment insertHold(long serviceId, long officeId, int desk, String staff, Instant start, Instant end,
            Instant holdUntil, String token, String language, String client) {
        long id = jdbc.sql("""
                INSERT INTO appointment (access_token, service_id, office_id, desk, staff, during, status, hold_until,
                                         language, client)
                VALUES (:token, :service, :office, :desk, :staff, tstzrange(:start, :end, '[)'), 'HELD', :holdUntil,
                        :language, :client)
                RETURNING id
                """).param("token", token).param("service", serviceId).param("office", officeId).param("desk", desk)
                .param("staff", staff)
                .param("start", at(start)).param("end", at(end)).param("holdUntil", at(holdUntil))
                .param("language", language).param("client", client).query(Long.class).single();
        return byId(id).orElseThrow();
    }

    Optional<Appointment> byToken(String token) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE access_token = :token")
                .param("token", token).query(AppointmentStore::appointment).optional();
    }

    Optional<Appointment> byId(long id) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE id = :id")
                .param("id", id).query(AppointmentStore::appointment).optional();
    }

    /** The row locked for the rest of the transaction, so two clicks on "confirm" are one booking. */
    Optional<Appointment> lockByToken(String token) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE access_token = :token FOR UPDATE")
                .param("token", token).query(AppointmentStore::appointment).optional();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getLong("id"), rs.getString("code"), rs.getString("access_token"),
                rs.getLong("service_id"), rs.getLong("office_id"), rs.getInt("desk"), instant(rs, "starts"),
                instant(rs, "ends"), Status.valueOf(rs.getString("status")), instant(rs, "hold_until"),
                rs.getString("email"), rs.getString("phone"), rs.getString("reason"), rs.getString("language"),
                rs.getBoolean("needs_mediator"), rs.getString("mediator"), rs.getString("booked_by"),
                instant(rs, "booked_at"), rs.getInt("moves"), rs.getString("staff"), rs.getBoolean("walk_in"));
    }

    void saveDetails(long id, String email, String phone, String reason, String language, boolean needsMediator) {
        jdbc.sql("""
                UPDATE appointment SET email = :email, phone = :phone, reason = :reason, language = :language,
                       needs_mediator = :mediator, updated_at = now()
                WHERE id = :id
                """).param("email", email).param("phone", phone).param("reason", reason).param("language", language)
                .param("mediator", needsMediator).param("id", id).update();
    }

    /**
     * Serialises bookings by one address for the rest of the transaction (on every node), so that two at
     * once cannot both pass the per-person cap.
     */
    void lockAddress(String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('appointment:' || lower(:email), 0))")
                .param("email", email).query().singleRow();
    }

    /** The address's bookings of the service that hold a desk now or later, the one given aside. */
    int activeBookings(String email, long serviceId, long except, Instant now) {
        return jdbc.sql("""
                SELECT count(*) FROM appointment
                WHERE lower(email) = lower(:email) AND service_id = :service AND id <> :except
                  AND status IN ('UNCONFIRMED', 'BOOKED') AND upper(during) > :now
                  AND (status <> 'UNCONFIRMED' OR hold_until > :now)
                """).param("email", email).param("service", serviceId).param("except", except).param("now", at(now))
                .query(Integer.class).single();
    }

    String nextCode(int year) {
        long number = jdbc.sql("SELECT nextval('appointment_number')").query(Long.class).single();
        return String.format("A-%d-%06d", year, number);
    }

    void book(long id, String code, Status status, Instant holdUntil, String bookedBy, Instant now) {
        jdbc.sql("""
                UPDATE appointment SET status = :status, code = coalesce(code, :code), hold_until = :holdUntil,
                       booked_by = :bookedBy, booked_at = :now, updated_at = now()
                WHERE id = :id
                """).param("status", status.name()).param("code", code).param("holdUntil", at(holdUntil))
                .param("bookedBy", bookedBy).param("now", at(now)).param("id", id).update();
    }

    /** A hold becomes a walk-in, served now: arrived, with a code, no contact needed. */
    void walkIn(long id, String code, String reason, boolean needsMediator, String by, Instant now) {
        jdbc.sql("""
                UPDATE appointment SET status = 'ARRIVED', walk_in = true, code = :code, hold_until = NULL, reason = :reason,
                       needs_mediator = :mediator, booked_by = :by, booked_at = :now, reminded_at = :now, updated_at = now()
                WHERE id = :id
                """).param("code", code).param("reason", reason).param("mediator", needsMediator).param("by", by)
                .param("now", at(now)).param("id", id).update();
    }

    /** Another staff member gives the booking; their exclusion constraint refuses one already busy then. */
    int giveTo(long id, String username) {
        return jdbc.sql("UPDATE appointment SET staff = :staff, affected_at = NULL, updated_at = now() WHERE id = :id")
                .param("staff", username).param("id", id).update();
    }

    /** Names the mediator; the mediator's exclusion constraint refuses one already busy then. */
    int assignMediator(long id, String username) {
        return jdbc.sql("UPDATE appointment SET mediator = :mediator, updated_at = now() WHERE id = :id")
                .param("mediator", username).param("id", id).update();
    }

    /**
     * Puts the booking on another desk and time, without its mediator (the caller assigns one again);
     * a booking moved out of changed hours is no longer affected, and is told again if the new time is.
     * {@code remindedAt} null leaves the reminder to send. The desk's exclusion constraint refuses a time
     * that is taken.
     */
    void move(long id, int desk, String staff, Instant start, Instant end, Instant remindedAt) {
        jdbc.sql("""
                UPDATE appointment SET desk = :desk, staff = :staff, during = tstzrange(:start, :end, '[)'), mediator = NULL,
                       reminded_at = :remindedAt, moves = moves + 1, affected_at = NULL, updated_at = now()
                WHERE id = :id
                """).param("desk", desk).param("staff", staff).param("start", at(start)).param("end", at(end))
                .param("remindedAt", at(remindedAt)).param("id", id).update();
    }

    /** The address's missed appointments since {@code since}. */
    int noShows(String email, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM appointment
                WHERE lower(email) = lower(:email) AND status = 'NO_SHOW' AND lower(during) >= :since
                """).param("email", email).param("since", at(since)).query(Integer.class).single();
    }

    /** The office's note (blank removes it); false when there is no such appointment. */
    boolean saveNote(String code, String note) {
        return jdbc.sql("UPDATE appointment SET notes = :note, updated_at = now() WHERE code = :code")
                .param("note", note == null || note.isBlank() ? null : note.strip()).param("code", code).update() == 1;
    }

    void cancel(long id, String by, Instant now) {
        jdbc.sql("""
                UPDATE appointment SET status = 'CANCELLED', cancelled_by = :by, cancelled_at = :now, updated_at = now()
                WHERE id = :id
                """).param("by", by).param("now", at(now)).param("id", id).update();
    }

    // ---- the office's agenda ----

    /**
     * Moves a booking from one of {@code from} to {@code to}, if it is in one of them; a no-show only once
     * its time has begun.
     *
     * @return whether it moved
     */
    boolean mark(String code, List<Status> from, Status to, Instant now) {
        return jdbc.sql("""
                UPDATE appointment SET status = :to, updated_at = now()
                WHERE code = :code AND status IN (:from) AND (:to <> 'NO_SHOW' OR lower(during) <= :now)
                """).param("to", to.name()).param("code", code).param("from", from.stream().map(Status::name).toList())
                .param("now", at(now)).update() == 1;
    }

    Optional<Appointment> byCode(String code) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE code = :code")
                .param("code", code).query(AppointmentStore::appointment).optional();
    }

    /**
     * The appointments of an office between two instants, or ({@code person} given) those a staff member
     * gives or mediates, in every office.
     */
    List<AgendaEntry> agenda(long officeId, String person, Instant from, Instant to, String language) {
        return jdbc.sql("""
                SELECT a.code, lower(a.during) AS starts, upper(a.during) AS ends, a.status,
                       coalesce(t.name, it.name) AS service, a.email, a.phone, a.reason, a.language, a.needs_mediator,
                       a.mediator, a.booked_by, a.notes, a.staff, a.walk_in, o.name AS office,
                       (SELECT count(*) FROM appointment n WHERE a.email IS NOT NULL AND lower(n.email) = lower(a.email)
                          AND n.status = 'NO_SHOW' AND n.id <> a.id) AS no_shows
                FROM appointment a
                JOIN appointment_service s ON s.id = a.service_id
                JOIN appointment_office o ON o.id = a.office_id
                LEFT JOIN appointment_service_text t ON t.service_id = s.id AND t.language = :language
                LEFT JOIN appointment_service_text it ON it.service_id = s.id AND it.language = 'it'
                WHERE (CASE WHEN CAST(:person AS text) IS NULL THEN a.office_id = :office
                            ELSE a.staff = :person OR a.mediator = :person END)
                  AND a.during && tstzrange(:from, :to, '[)')
                  AND a.status IN ('UNCONFIRMED', 'BOOKED', 'ARRIVED', 'DONE', 'NO_SHOW')
                ORDER BY lower(a.during), a.office_id, a.desk
                """).param("office", officeId).param("person", person).param("from", at(from)).param("to", at(to))
                .param("language", language)
                .query((rs, n) -> new AgendaEntry(rs.getString("code"), instant(rs, "starts"), instant(rs, "ends"),
                        Status.valueOf(rs.getString("status")), rs.getString("service"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("reason"), rs.getString("language"),
                        rs.getBoolean("needs_mediator"), rs.getString("mediator"), rs.getString("booked_by"),
                        rs.getInt("no_shows"), rs.getString("notes"), rs.getString("staff"), rs.getBoolean("walk_in"),
                        rs.getString("office")))
                .list();
    }
}
