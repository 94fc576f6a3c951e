package it.comune.immigrati.appointments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly retention on the real database: past appointments, walk-ins included, lose who came and
 * what they said; times held and abandoned lose the details after a day; old staff absences go; what is
 * recent stays as it is.
 */
@AciTest
class AppointmentRetentionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentPrivacy privacy;

    private long insert(TestDesk desk, Instant start, String status, boolean walkIn, String email) {
        return jdbc.sql("""
                INSERT INTO appointment (access_token, service_id, office_id, desk, during, status, email, reason, walk_in, updated_at)
                VALUES (md5(random()::text), :s, :o, 1, tstzrange(:from, :to, '[)'), :status, :email, 'Mi chiamo Amina, mio marito…',
                        :walkIn, :updated)
                RETURNING id
                """).param("s", desk.serviceId()).param("o", desk.officeId()).param("from", AppointmentStore.at(start))
                .param("to", AppointmentStore.at(start.plus(30, ChronoUnit.MINUTES))).param("status", status)
                .param("email", email).param("walkIn", walkIn).param("updated", AppointmentStore.at(start))
                .query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT email, reason, status, anonymised_at IS NOT NULL AS anonymised FROM appointment WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    @Test
    void pastAppointmentsWalkInsAbandonedHoldsAndOldAbsencesLoseTheirPersonalData() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        Instant now = Instant.now();
        long old = insert(desk, now.minus(400, ChronoUnit.DAYS), "ARRIVED", false, "vecchia@example.org");
        long walkIn = insert(desk, now.minus(401, ChronoUnit.DAYS), "ARRIVED", true, null);
        long abandoned = insert(desk, now.minus(2, ChronoUnit.DAYS), "EXPIRED", false, "lasciato@example.org");
        long recent = insert(desk, now.minus(3, ChronoUnit.DAYS), "ARRIVED", false, "recente@example.org");
        String person = "assente" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO appointment_absence (username, first_day, last_day, note, created_by)
                VALUES (:u, :old, :old, 'Malattia', 'test'), (:u, :recent, :recent, 'Ferie', 'test')
                """).param("u", person).param("old", LocalDate.now().minusDays(400)).param("recent", LocalDate.now().minusDays(3))
                .update();

        privacy.applyRetention();

        assertThat(row(old)).containsEntry("email", null).containsEntry("reason", null).containsEntry("anonymised", true)
                .as("the office's figures keep the status").containsEntry("status", "ARRIVED");
        assertThat(row(walkIn)).containsEntry("reason", null).containsEntry("anonymised", true);
        assertThat(row(abandoned)).containsEntry("email", null).containsEntry("anonymised", true);
        assertThat(row(recent)).containsEntry("email", "recente@example.org").containsEntry("anonymised", false);
        assertThat(jdbc.sql("SELECT note FROM appointment_absence WHERE username = :u").param("u", person)
                .query(String.class).list()).containsExactly("Ferie");
    }
}
