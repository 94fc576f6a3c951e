package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import it.comune.immigrati.platform.ClusterJobs;
import it.comune.immigrati.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places on the waiting list are personal data too: in the privacy export and erasure, and a place that
 * left the line keeps its address a month at most (the office may be asked about an offer).
 */
@Component
@Order(31)
class WaitingListPrivacy implements PersonalData {

    private static final Duration KEPT_AFTER_LINE = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WaitingListPrivacy(JdbcClient jdbc, ClusterJobs jobs, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "appointmentWaitingList";
    }

    @Override
    public List<Held> held(String email) {
        long count = jdbc.sql("SELECT count(*) FROM appointment_waiting WHERE lower(email) = lower(:email)")
                .param("email", email).query(Long.class).single();
        return List.of(new Held("appointments.privacy.waiting", count));
    }

    @Override
    public Object export(String email) {
        return jdbc.sql("""
                SELECT s.code AS service, o.name AS office, w.from_day, w.to_day, w.email, w.language, w.needs_mediator,
                       w.status, w.created_at,
                       (SELECT count(*) FROM appointment_offer f WHERE f.waiting_id = w.id) AS offers
                FROM appointment_waiting w JOIN appointment_service s ON s.id = w.service_id
                JOIN appointment_office o ON o.id = w.office_id
                WHERE lower(w.email) = lower(:email) ORDER BY w.id
                """).param("email", email).query((rs, n) -> AppointmentPrivacy.row(rs, List.of("service", "office", "from_day",
                        "to_day", "email", "language", "needs_mediator", "status", "created_at", "offers"))).list();
    }

    /** The place leaves the line (a time held for it is released) and loses its address. */
    @Override
    public int erase(String email) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE appointment SET status = 'CANCELLED', cancelled_by = 'privacy', cancelled_at = :now, updated_at = now()
                WHERE status = 'HELD' AND id IN (SELECT f.appointment_id FROM appointment_offer f
                    JOIN appointment_waiting w ON w.id = f.waiting_id WHERE f.outcome = 'OPEN' AND lower(w.email) = lower(:email))
                """).param("email", email).param("now", AppointmentStore.at(now)).update();
        jdbc.sql("""
                UPDATE appointment_offer SET outcome = 'DECLINED', updated_at = now() WHERE outcome = 'OPEN'
                  AND waiting_id IN (SELECT id FROM appointment_waiting WHERE lower(email) = lower(:email))
                """).param("email", email).update();
        return jdbc.sql("""
                UPDATE appointment_waiting SET email = NULL, client = NULL,
                       status = CASE WHEN status IN ('WAITING', 'OFFERED') THEN 'LEFT' ELSE status END,
                       access_token = 'erased-' || id || '-' || md5(random()::text), anonymised_at = now(), updated_at = now()
                WHERE lower(email) = lower(:email)
                """).param("email", email).update();
    }

    @Scheduled(cron = "0 40 3 * * *", zone = "Europe/Rome")
    void applyRetention() {
        transactions.executeWithoutResult(tx -> {
            if (!jobs.exclusive("appointments.waiting-list.retention")) {
                return;
            }
            jdbc.sql("""
                    UPDATE appointment_waiting SET email = NULL, client = NULL,
                           access_token = 'erased-' || id || '-' || md5(random()::text), anonymised_at = now(), updated_at = now()
                    WHERE anonymised_at IS NULL AND status NOT IN ('WAITING', 'OFFERED') AND updated_at < :before
                    """).param("before", AppointmentStore.at(clock.instant().minus(KEPT_AFTER_LINE))).update();
        });
    }
}
