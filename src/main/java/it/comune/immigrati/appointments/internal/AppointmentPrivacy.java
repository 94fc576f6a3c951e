package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.ClusterJobs;
import it.comune.immigrati.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments are personal data: found by address for the office's privacy requests, and kept only
 * as long as needed. Anonymising keeps what the office's figures need (service, office, time, status)
 * and removes who booked and what they wrote; the private link stops working.
 */
@Component
@Order(30)
class AppointmentPrivacy implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(AppointmentPrivacy.class);
    /** A time held and never booked keeps the details typed into it one day at most. */
    private static final Duration ABANDONED = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final AppointmentsProperties settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AppointmentPrivacy(JdbcClient jdbc, ClusterJobs jobs, AppointmentsProperties settings,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "appointments";
    }

    @Override
    public List<Held> held(String email) {
        long count = jdbc.sql("SELECT count(*) FROM appointment WHERE lower(email) = lower(:email)").param("email", email)
                .query(Long.class).single();
        return List.of(new Held("appointments.privacy.held", count));
    }

    @Override
    public Object export(String email) {
        return jdbc.sql("""
                SELECT a.code, a.status, lower(a.during) AS starts, upper(a.during) AS ends, s.code AS service, o.name AS office,
                       a.email, a.phone, a.reason, a.notes, a.language, a.needs_mediator, a.booked_by, a.created_at, a.booked_at,
                       a.cancelled_at
                FROM appointment a JOIN appointment_service s ON s.id = a.service_id JOIN appointment_office o ON o.id = a.office_id
                WHERE lower(a.email) = lower(:email) ORDER BY lower(a.during)
                """).param("email", email).query((rs, n) -> row(rs, List.of("code", "status", "starts", "ends", "service",
                        "office", "email", "phone", "reason", "notes", "language", "needs_mediator", "booked_by", "created_at",
                        "booked_at", "cancelled_at"))).list();
    }

    /** One exported row: the columns by name, as JSON carries them (booleans and numbers as they are, the rest as text). */
    static Map<String, Object> row(java.sql.ResultSet rs, List<String> columns) throws java.sql.SQLException {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (String column : columns) {
            Object value = rs.getObject(column);
            entry.put(column, value == null || value instanceof Boolean || value instanceof Number ? value : value.toString());
        }
        return entry;
    }

    /** Upcoming bookings are cancelled (their desks freed, without a mail to the erased address), then every row anonymised. */
    @Override
    public int erase(String email) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE appointment SET status = 'CANCELLED', cancelled_by = 'privacy', cancelled_at = :now, updated_at = now()
                WHERE lower(email) = lower(:email) AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED') AND upper(during) > :now
                """).param("email", email).param("now", AppointmentStore.at(now)).update();
        return anonymise("lower(email) = lower(:email)", Map.of("email", email), now);
    }

    private int anonymise(String where, Map<String, Object> params, Instant now) {
        return jdbc.sql("""
                UPDATE appointment SET email = NULL, phone = NULL, reason = NULL, notes = NULL, client = NULL,
                       access_token = 'erased-' || id || '-' || md5(random()::text), anonymised_at = :now, updated_at = now()
                WHERE anonymised_at IS NULL AND (""" + where + ")").params(params).param("now", AppointmentStore.at(now))
                .update();
    }

    /**
     * Nightly: appointments {@code retention-months} after their date (walk-ins too, which have no address
     * to find them by), and times held but never booked after a day, lose their personal data; staff
     * absences that long over are deleted. One node does it.
     */
    @Scheduled(cron = "0 35 3 * * *", zone = "Europe/Rome")
    void applyRetention() {
        Integer done = transactions.execute(tx -> {
            if (!jobs.exclusive("appointments.retention")) {
                return 0;
            }
            Instant now = clock.instant();
            Instant past = ZonedDateTime.ofInstant(now, SlotCalendar.ROME).minusMonths(settings.retentionMonths()).toInstant();
            // a staff member's absence may say why (illness): it goes with the appointments of its days
            int absences = jdbc.sql("DELETE FROM appointment_absence WHERE last_day < :day")
                    .param("day", past.atZone(SlotCalendar.ROME).toLocalDate()).update();
            return absences + anonymise("upper(during) < :past", Map.of("past", AppointmentStore.at(past)), now)
                    + anonymise("status = 'EXPIRED' AND email IS NOT NULL AND updated_at < :abandoned",
                            Map.of("abandoned", AppointmentStore.at(now.minus(ABANDONED))), now);
        });
        if (done != null && done > 0) {
            log.info("Appointments: personal data removed from {} past appointments and absences", done);
        }
    }
}
