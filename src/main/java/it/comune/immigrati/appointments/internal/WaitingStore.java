package it.comune.immigrati.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Offer;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Waiting;
import it.comune.immigrati.appointments.internal.AppointmentRecords.WaitingLine;
import it.comune.immigrati.appointments.internal.AppointmentRecords.WaitingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static it.comune.immigrati.appointments.internal.AppointmentStore.at;

/** The SQL of the waiting list and of the times offered from it. */
@Repository
class WaitingStore {

    private static final String COLUMNS = """
            id, access_token, service_id, office_id, from_day, to_day, email, language, needs_mediator, status, created_at
            """;
    private static final String OFFER_COLUMNS = "id, waiting_id, appointment_id, starts, offered_until, outcome";

    private final JdbcClient jdbc;

    WaitingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Waiting waiting(ResultSet rs, int row) throws SQLException {
        return new Waiting(rs.getLong("id"), rs.getString("access_token"), rs.getLong("service_id"), rs.getLong("office_id"),
                rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class), rs.getString("email"),
                rs.getString("language"), rs.getBoolean("needs_mediator"), WaitingStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getLong("id"), rs.getLong("waiting_id"), rs.getLong("appointment_id"),
                rs.getObject("starts", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("offered_until", java.time.OffsetDateTime.class).toInstant(), rs.getString("outcome"));
    }

    Waiting insert(String token, long serviceId, long officeId, LocalDate from, LocalDate to, String email, String language,
            boolean needsMediator, String client) {
        long id = jdbc.sql("""
                INSERT INTO appointment_waiting (access_token, service_id, office_id, from_day, to_day, email, language,
                                                 needs_mediator, status, client)
                VALUES (:token, :service, :office, :from, :to, :email, :language, :mediator, 'WAITING', :client)
                RETURNING id
                """).param("token", token).param("service", serviceId).param("office", officeId).param("from", from)
                .param("to", to).param("email", email).param("language", language).param("mediator", needsMediator)
                .param("client", client).query(Long.class).single();
        return byId(id).orElseThrow();
    }

    Optional<Waiting> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_waiting WHERE id = :id").param("id", id)
                .query(WaitingStore::waiting).optional();
    }

    Optional<Waiting> byToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_waiting WHERE access_token = :t").param("t", token)
                .query(WaitingStore::waiting).optional();
    }

    Optional<Waiting> lockByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment_waiting WHERE access_token = :t FOR UPDATE").param("t", token)
                .query(WaitingStore::waiting).optional();
    }

    /** Whether the address is already in line for the service (at any office). */
    boolean inLine(String email, long serviceId) {
        return jdbc.sql("""
                SELECT count(*) FROM appointment_waiting
                WHERE lower(email) = lower(:email) AND service_id = :service AND status IN ('WAITING', 'OFFERED')
                """).param("email", email).param("service", serviceId).query(Integer.class).single() > 0;
    }

    /** How many are in line before this place, for the same service and office. */
    int ahead(Waiting waiting) {
        return jdbc.sql("""
                SELECT count(*) FROM appointment_waiting
                WHERE service_id = :service AND office_id = :office AND status IN ('WAITING', 'OFFERED') AND id < :id
                """).param("service", waiting.serviceId()).param("office", waiting.officeId()).param("id", waiting.id())
                .query(Integer.class).single();
    }

    /** The line at an office, one row per service that has anyone in it whose days have not all passed. */
    List<WaitingLine> lineAt(long officeId, LocalDate today, String language) {
        return jdbc.sql("""
                SELECT coalesce(t.name, it.name) AS service, count(*) FILTER (WHERE w.status = 'WAITING') AS waiting,
                       count(*) FILTER (WHERE w.status = 'OFFERED') AS offered,
                       count(*) FILTER (WHERE w.needs_mediator) AS mediator, min(w.created_at) AS since
                FROM appointment_waiting w
                LEFT JOIN appointment_service_text t ON t.service_id = w.service_id AND t.language = :language
                LEFT JOIN appointment_service_text it ON it.service_id = w.service_id AND it.language = 'it'
                WHERE w.office_id = :office AND w.status IN ('WAITING', 'OFFERED') AND w.to_day >= :today
                GROUP BY w.service_id, t.name, it.name ORDER BY min(w.id)
                """).param("office", officeId).param("today", today).param("language", language)
                .query((rs, row) -> new WaitingLine(rs.getString("service"), rs.getInt("waiting"), rs.getInt("offered"),
                        rs.getInt("mediator"), rs.getObject("since", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The places waiting for an offer, first come first, whose days have not all passed. */
    List<Waiting> waitingInOrder(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM appointment_waiting WHERE status = 'WAITING' AND to_day >= :today ORDER BY id LIMIT :limit
                """).param("today", today).param("limit", limit).query(WaitingStore::waiting).list();
    }

    /** Places whose days have all passed leave the line. */
    int endPassed(LocalDate today) {
        return jdbc.sql("""
                UPDATE appointment_waiting SET status = 'ENDED', updated_at = now()
                WHERE status = 'WAITING' AND to_day < :today
                """).param("today", today).update();
    }

    void setStatus(long id, WaitingStatus status) {
        jdbc.sql("UPDATE appointment_waiting SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    /** The starts already offered to this place, whatever came of them. */
    List<Instant> offeredStarts(long waitingId) {
        return jdbc.sql("SELECT starts FROM appointment_offer WHERE waiting_id = :w").param("w", waitingId)
                .query(java.time.OffsetDateTime.class).list().stream().map(java.time.OffsetDateTime::toInstant).toList();
    }

    void insertOffer(long waitingId, long appointmentId, Instant start, Instant until) {
        jdbc.sql("""
                INSERT INTO appointment_offer (waiting_id, appointment_id, starts, offered_until)
                VALUES (:w, :a, :start, :until)
                """).param("w", waitingId).param("a", appointmentId).param("start", at(start)).param("until", at(until)).update();
    }

    Optional<Offer> openOffer(long waitingId) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM appointment_offer WHERE waiting_id = :w AND outcome = 'OPEN'")
                .param("w", waitingId).query(WaitingStore::offer).optional();
    }

    void closeOffer(long offerId, String outcome) {
        jdbc.sql("UPDATE appointment_offer SET outcome = :o, updated_at = now() WHERE id = :id").param("o", outcome)
                .param("id", offerId).update();
    }

    /** Open offers that ran out, locked for the caller. */
    List<Offer> lapsedOffers(Instant now) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + """
                 FROM appointment_offer WHERE outcome = 'OPEN' AND offered_until <= :now FOR UPDATE SKIP LOCKED
                """).param("now", at(now)).query(WaitingStore::offer).list();
    }
}
