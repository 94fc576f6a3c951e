package it.comune.immigrati.appointments.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.AppProcess;
import it.comune.immigrati.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database book the same times at once: this test's node through the
 * booking rules, a second node in its own JVM through the public API. Each time is held once, by
 * whichever node came first, and the other requests get "taken" (409), never a second desk.
 */
@AciTest
@Slow
class BookingOnTwoNodesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bookings bookings;

    @Autowired
    AppointmentStore store;

    @TempDir
    Path folder;

    @Test
    void twoNodesRacingForTheSameTimesHoldEachOnce() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        Service service = store.service(desk.service(), "it").orElseThrow();
        Office office = store.office(desk.office()).orElseThrow();
        List<Slot> slots = bookings.freeSlots(service, office).subList(0, 20);
        HikariDataSource database = (HikariDataSource) dataSource;
        AppProcess other = new AppProcess(folder.resolve("node-b"));
        other.startAndAwaitHealthy(Duration.ofSeconds(90),
                "--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                "--aci.mail.imap.enabled=false",
                // every request comes from this machine's address: the per-client allowance would stop the race
                "--aci.appointments.holds-per-client-per-hour=100000",
                "--aci.appointments.unverified-holds-per-client-per-hour=100000");
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            int here = 0;
            int there = 0;
            for (int n = 0; n < slots.size(); n++) {
                Slot slot = slots.get(n);
                // each node has a head start on every other time, so that both win some and lose some
                long delayA = n % 2 == 0 ? 0 : 50;
                long delayB = n % 2 == 0 ? 50 : 0;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> onA = new ArrayList<>();
                List<Future<Integer>> onB = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String client = "10.77." + i + "." + slot.start().getEpochSecond() % 250;
                    onA.add(pool.submit(() -> {
                        start.await();
                        Thread.sleep(delayA);
                        return bookings.hold(service, office, slot.start(), "it", client, true) instanceof Bookings.Held;
                    }));
                    onB.add(pool.submit(() -> {
                        start.await();
                        Thread.sleep(delayB);
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + other.port() + "/api/v1/appointments/holds")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"" + desk.service() + "\",\"office\":\""
                                        + desk.office() + "\",\"start\":\"" + slot.start() + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode();
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> a : onA) {
                    won += a.get() ? 1 : 0;
                    here += a.get() ? 1 : 0;
                }
                for (Future<Integer> b : onB) {
                    int status = b.get();
                    assertThat(status).as("a hold or a clear 'taken'").isIn(201, 409);
                    won += status == 201 ? 1 : 0;
                    there += status == 201 ? 1 : 0;
                }
                assertThat(won).as("one hold of " + slot.start()).isEqualTo(1);
            }
            assertThat(here + there).isEqualTo(20);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM appointment a JOIN appointment b ON a.office_id = b.office_id AND a.desk = b.desk
                      AND a.id < b.id AND a.during && b.during
                    WHERE a.office_id = :o AND a.status = 'HELD' AND b.status = 'HELD'
                    """).param("o", office.id()).query(Long.class).single()).isZero();
        } finally {
            pool.shutdownNow();
            other.stop();
        }
    }
}
