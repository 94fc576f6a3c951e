package it.comune.immigrati.appointments.internal;

import java.time.Duration;
import java.util.List;

import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.testing.AciTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free times a node remembers for a second: what this node books is gone from the list at once,
 * what another node books (here written straight to the table) within the second.
 */
@AciTest
class FreeTimesCacheTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bookings bookings;

    @Autowired
    AppointmentStore store;

    @Test
    void aTimeTakenHereLeavesTheListAtOnceAndOneTakenElsewhereWithinASecond() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        Service service = store.service(desk.service(), "it").orElseThrow();
        Office office = store.office(desk.office()).orElseThrow();
        List<Slot> before = bookings.freeSlots(service, office);
        Slot first = before.get(0);
        Slot second = before.get(1);
        assertThat(bookings.hold(service, office, first.start(), "it", "10.44.0.1", true)).isInstanceOf(Bookings.Held.class);
        assertThat(bookings.freeSlots(service, office)).doesNotContain(first).contains(second);

        jdbc.sql("""
                INSERT INTO appointment (access_token, service_id, office_id, desk, during, status, code, email)
                VALUES (md5(random()::text), :s, :o, 1, tstzrange(:from, :to, '[)'), 'BOOKED', 'X-' || md5(random()::text), 'x@example.org')
                """).param("s", service.id()).param("o", office.id()).param("from", AppointmentStore.at(second.start()))
                .param("to", AppointmentStore.at(second.end())).update();
        assertThat(bookings.freshFreeSlots(service, office)).doesNotContain(second);
        assertThat(bookings.freeSlots(service, office)).as("remembered for now: the cache is on").contains(second);
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> !bookings.freeSlots(service, office).contains(second));
    }
}
