package it.comune.immigrati.appointments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Never a double booking: many requests at once for the same time, on the real database, get as many
 * holds as there are desks and a clear answer each for the rest; the constraint refuses even SQL that
 * bypasses the application. And the reminder goes out once, the day before.
 */
@AciTest
class DoubleBookingTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bookings bookings;

    @Autowired
    AppointmentStore store;

    @Autowired
    AppointmentJobs jobs;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    EmbeddedMailServer mailServer;

    private List<Bookings.HoldResult> race(int threads, int desks) throws Exception {
        TestDesk desk = TestDesk.create(jdbc, desks, false);
        Service service = store.service(desk.service(), "it").orElseThrow();
        Office office = store.office(desk.office()).orElseThrow();
        Slot slot = bookings.freeSlots(service, office).get(3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Bookings.HoldResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String client = "10.9." + desks + "." + i;
            results.add(pool.submit(() -> {
                start.await();
                return bookings.hold(service, office, slot.start(), "it", client, true);
            }));
        }
        start.countDown();
        List<Bookings.HoldResult> answers = new ArrayList<>();
        for (Future<Bookings.HoldResult> result : results) {
            answers.add(result.get());
        }
        pool.shutdown();
        long active = jdbc.sql("""
                SELECT count(*) FROM appointment WHERE office_id = :o AND status = 'HELD'
                  AND during && tstzrange(:s, :e, '[)')
                """).param("o", office.id()).param("s", AppointmentStore.at(slot.start()))
                .param("e", AppointmentStore.at(slot.end())).query(Long.class).single();
        assertThat(active).isEqualTo(Math.min(desks, threads));
        return answers;
    }

    @Test
    void sixtyFourAttemptsAtOneDeskGiveOneHoldAndSixtyThreeClearAnswers() throws Exception {
        List<Bookings.HoldResult> answers = race(64, 1);
        assertThat(answers.stream().filter(a -> a instanceof Bookings.Held).count()).isEqualTo(1);
        assertThat(answers.stream().filter(a -> a instanceof Bookings.Taken).count()).isEqualTo(63);
    }

    @Test
    void threeDesksGiveThreeHoldsOnDifferentDesks() throws Exception {
        List<Bookings.HoldResult> answers = race(32, 3);
        List<Integer> desks = answers.stream().filter(a -> a instanceof Bookings.Held)
                .map(a -> ((Bookings.Held) a).appointment().desk()).sorted().toList();
        assertThat(desks).containsExactly(1, 2, 3);
        assertThat(answers.stream().filter(a -> a instanceof Bookings.Taken).count()).isEqualTo(29);
    }

    @Test
    void theDatabaseRefusesAnOverlapWrittenBehindTheApplicationsBack() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        String insert = """
                INSERT INTO appointment (access_token, service_id, office_id, desk, during, status, hold_until)
                VALUES (:t, :s, :o, 1, tstzrange(:from, :to, '[)'), 'BOOKED', NULL)
                """;
        Instant at = Instant.parse("2030-01-07T09:00:00Z");
        jdbc.sql(insert).param("t", "t1" + System.nanoTime()).param("s", desk.serviceId()).param("o", desk.officeId())
                .param("from", AppointmentStore.at(at)).param("to", AppointmentStore.at(at.plusSeconds(1800))).update();
        assertThatThrownBy(() -> jdbc.sql(insert).param("t", "t2" + System.nanoTime()).param("s", desk.serviceId())
                .param("o", desk.officeId()).param("from", AppointmentStore.at(at.plusSeconds(900)))
                .param("to", AppointmentStore.at(at.plusSeconds(2700))).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("appointment_desk_free");
        // right after it, on the same desk, is fine: ranges are half-open
        jdbc.sql(insert).param("t", "t3" + System.nanoTime()).param("s", desk.serviceId()).param("o", desk.officeId())
                .param("from", AppointmentStore.at(at.plusSeconds(1800))).param("to", AppointmentStore.at(at.plusSeconds(3600)))
                .update();
    }

    /** Inserts a booked appointment on desk {@code desk} from {@code at} for 30 minutes, given or mediated by a person. */
    private void book(TestDesk desk, int deskNumber, Instant at, String giver, String mediator) {
        jdbc.sql("""
                INSERT INTO appointment (access_token, service_id, office_id, desk, during, status, staff, mediator)
                VALUES (:t, :s, :o, :d, tstzrange(:from, :to, '[)'), 'BOOKED', :staff, :mediator)
                """).param("t", "p" + System.nanoTime()).param("s", desk.serviceId()).param("o", desk.officeId())
                .param("d", deskNumber).param("from", AppointmentStore.at(at))
                .param("to", AppointmentStore.at(at.plusSeconds(1800))).param("staff", giver).param("mediator", mediator)
                .update();
    }

    @Test
    void oneMemberOfStaffIsNeverGivingOneAppointmentAndMediatingAnotherAtOnce() {
        TestDesk desk = TestDesk.create(jdbc, 3, false);
        String person = "persona" + System.nanoTime();
        Instant at = Instant.parse("2030-01-08T09:00:00Z");
        book(desk, 1, at, person, null);
        assertThatThrownBy(() -> book(desk, 2, at.plusSeconds(900), null, person))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("appointment_person_free");
        book(desk, 2, at.plusSeconds(1800), null, person);
        assertThatThrownBy(() -> book(desk, 3, at.plusSeconds(2000), person, null))
                .as("the other way round").hasMessageContaining("appointment_person_free");
        // giving and mediating the same appointment is one place
        book(desk, 1, at.plusSeconds(7200), person, person);
    }

    @Test
    void twoTransactionsWantingTheSamePersonQueueAndTheSecondIsRefused() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        String person = "persona" + System.nanoTime();
        Instant at = Instant.parse("2030-01-09T09:00:00Z");
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        CountDownLatch firstWrote = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        Future<?> first = pool.submit(() -> tx.executeWithoutResult(status -> {
            book(desk, 1, at, person, null);
            firstWrote.countDown();
            try {
                Thread.sleep(1000); // still uncommitted while the second tries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        firstWrote.await();
        long started = System.nanoTime();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> book(desk, 2, at, null, person)))
                .hasMessageContaining("appointment_person_free");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited for the first to commit")
                .isGreaterThan(Duration.ofMillis(500));
        first.get();
        pool.shutdown();
    }

    @Test
    void theReminderGoesOutOnceTheDayBeforeAndNotEarlier() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        Service service = store.service(desk.service(), "it").orElseThrow();
        Office office = store.office(desk.office()).orElseThrow();
        List<Slot> free = bookings.freeSlots(service, office);
        Slot slot = free.get(free.size() - 1);
        String email = "reminded" + System.nanoTime() + "@example.org";
        Bookings.Held held = (Bookings.Held) bookings.hold(service, office, slot.start(), "uk", "10.8.0.1", true);
        bookings.saveDetails(held.appointment(), new AppointmentRecords.Details(email, null, null, "uk", false, true));
        assertThat(bookings.confirm(held.appointment().accessToken(), service, office, null))
                .isInstanceOf(Bookings.Booked.class);

        // the clock moved to two days before, then to 23 hours before
        String reminded = "SELECT reminded_at IS NOT NULL FROM appointment WHERE id = :id";
        jobs.sendReminders(slot.start().minus(Duration.ofHours(48)));
        assertThat(jdbc.sql(reminded).param("id", held.appointment().id()).query(Boolean.class).single()).isFalse();
        assertThat(jobs.sendReminders(slot.start().minus(Duration.ofHours(23)))).isPositive();
        assertThat(jdbc.sql(reminded).param("id", held.appointment().id()).query(Boolean.class).single()).isTrue();
        jobs.sendReminders(slot.start().minus(Duration.ofHours(22)));
        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail reminder = mailbox.await(m -> m.attachments().isEmpty(), Duration.ofSeconds(20));
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.read().stream().filter(m -> m.attachments().isEmpty()).count() == 1);
        String code = store.byId(held.appointment().id()).orElseThrow().code();
        assertThat(reminder.subject()).doesNotContain("{0}");
        assertThat(reminder.text()).contains(code, "/appuntamenti/mia/" + held.appointment().accessToken() + "?lang=uk");
    }
}
