package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens with time: held times that ran out go back to the free ones, and the day before an
 * appointment its reminder is queued. Safe on several nodes: each reminder is claimed with
 * {@code SKIP LOCKED} and marked in the transaction that queues it.
 */
@Component
class AppointmentJobs {

    private final AppointmentStore store;
    private final AppointmentMail mail;
    private final AppointmentsProperties settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WaitingList waitingList;

    AppointmentJobs(AppointmentStore store, AppointmentMail mail, AppointmentsProperties settings, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock, WaitingList waitingList) {
        this.waitingList = waitingList;
        this.store = store;
        this.mail = mail;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 30, initialDelay = 30, timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    void scheduled() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> store.expireHolds(now));
        sendReminders(now);
        // after the tidy-up, so that the holds that just lapsed are offered
        waitingList.offerTimes(now);
    }

    /**
     * Queues the reminder of every booking that starts within {@code reminder-before} of {@code now} and
     * has none yet; a booking made inside that window has just had its confirmation and gets none.
     *
     * @return how many were queued
     */
    int sendReminders(Instant now) {
        Integer sent = transactions.execute(tx -> {
            List<Long> due = jdbc.sql("""
                    SELECT id FROM appointment
                    WHERE status = 'BOOKED' AND reminded_at IS NULL AND email IS NOT NULL
                      AND lower(during) > :now AND lower(during) <= :now + make_interval(secs => :before)
                      AND booked_at < lower(during) - make_interval(secs => :before)
                    ORDER BY lower(during) LIMIT 200 FOR UPDATE SKIP LOCKED
                    """).param("now", AppointmentStore.at(now)).param("before", (double) settings.reminderBefore().toSeconds())
                    .query(Long.class).list();
            for (long id : due) {
                Appointment appointment = store.byId(id).orElseThrow();
                mail.reminder(appointment, store.office(appointment.officeId()).orElseThrow());
                jdbc.sql("UPDATE appointment SET reminded_at = :now, updated_at = now() WHERE id = :id")
                        .param("now", AppointmentStore.at(now)).param("id", id).update();
            }
            return due.size();
        });
        return sent == null ? 0 : sent;
    }
}
