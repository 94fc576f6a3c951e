package it.comune.immigrati.appointments;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gives a service, their absences, people served without an appointment and one person's agenda,
 * over HTTP as the office and the residents use them.
 */
@AciTest
class StaffingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private WebClient signedIn(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        TestStaff.login(client, account);
        return client;
    }

    private void gives(TestDesk desk, TestStaff.Account... people) {
        for (TestStaff.Account person : people) {
            jdbc.sql("INSERT INTO appointment_service_staff (service_id, username) VALUES (:s, :u)")
                    .param("s", desk.serviceId()).param("u", person.username()).update();
        }
    }

    private Map<String, Object> row(String token) {
        return jdbc.sql("SELECT code, staff, to_char(lower(during) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS starts, (lower(during) AT TIME ZONE 'Europe/Rome')::date::text AS day"
                + " FROM appointment WHERE access_token = :t").param("t", token).query().singleRow();
    }

    @Test
    void aServiceGivenByNamedStaffNeverBooksOnePersonTwiceAndAnAbsencePassesOrFlagsTheirBookings() {
        TestDesk desk = TestDesk.create(jdbc, 3, false);
        TestStaff.Account first = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account second = TestStaff.create(jdbc, passwords, "OPERATOR");
        gives(desk, first, second);
        long stamp = System.nanoTime();
        String a = BookingTest.book(new WebClient(port), desk, "staff-a" + stamp + "@example.org", "it");
        String b = BookingTest.book(new WebClient(port), desk, "staff-b" + stamp + "@example.org", "it");
        String c = BookingTest.book(new WebClient(port), desk, "staff-c" + stamp + "@example.org", "it");
        // three desks but two people who give the service: the third resident gets the next time
        assertThat(row(a).get("starts")).isEqualTo(row(b).get("starts"));
        assertThat(row(a).get("staff")).isNotEqualTo(row(b).get("staff"));
        assertThat(row(c).get("starts")).isNotEqualTo(row(a).get("starts"));
        String away = (String) row(c).get("staff");
        assertThat(BookingTest.offeredTimes(new WebClient(port).get(desk.slotsPath()).body()))
                .as("the colleague is still free then").contains((String) row(c).get("starts"));
        String other = away.equals(first.username()) ? second.username() : first.username();
        String sameTimeAsAway = row(a).get("staff").equals(away) ? a : b;

        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        String settings = "/ufficio/appuntamenti/servizi";
        HttpResponse<String> refused = supervisor.submit(settings, settings + "/assenze", Map.of("dal", "ieri"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#absence-person\"", "href=\"#absence-from\"");
        HttpResponse<String> badEnd = supervisor.submit(settings, settings + "/assenze",
                Map.of("persona", away, "dal", "2030-01-10", "al", "10/01/2030"));
        assertThat(badEnd.statusCode()).isEqualTo(422);
        assertThat(badEnd.body()).contains("href=\"#absence-to\"").doesNotContain("Exception");
        String day = (String) row(c).get("day");
        HttpResponse<String> added = supervisor.submit(settings, settings + "/assenze",
                Map.of("persona", away, "dal", day, "al", day, "nota", "Formazione"));
        assertThat(added.statusCode()).isEqualTo(302);

        // the later booking passes to the colleague, free then; the one at the same time as the colleague's cannot
        assertThat(row(c).get("staff")).isEqualTo(other);
        assertThat(row(sameTimeAsAway).get("staff")).isEqualTo(away);
        String page = supervisor.get(settings).body();
        assertThat(page).contains("id=\"uncovered\"", (String) row(sameTimeAsAway).get("code"), "Formazione");
        assertThat(page).doesNotContain(">" + row(c).get("code") + "<");
        List<String> mail = jdbc.sql("SELECT text_body FROM mail_outbox WHERE recipient = :e ORDER BY id")
                .param("e", jdbc.sql("SELECT email FROM appointment WHERE access_token = :t").param("t", sameTimeAsAway)
                        .query(String.class).single()).query(String.class).list();
        assertThat(mail).hasSize(2);
        assertThat(mail).anySatisfy(text -> assertThat(text).contains("nessun collega può sostituirla",
                (String) row(sameTimeAsAway).get("code")));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :e").param("e", "staff-c" + stamp + "@example.org")
                .query(Long.class).single()).as("a booking taken over by a colleague changes nothing for the resident").isEqualTo(1);

        // the absent person's day offers only what the colleague can still give
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE staff = :u AND service_id = :s AND status = 'BOOKED'")
                .param("u", other).param("s", desk.serviceId()).query(Long.class).single()).isEqualTo(2);
        String resident = new WebClient(port).get(desk.slotsPath()).body();
        assertThat(BookingTest.offeredTimes(resident)).doesNotContain((String) row(c).get("starts"));

        long id = jdbc.sql("SELECT id FROM appointment_absence WHERE username = :u").param("u", away).query(Long.class).single();
        assertThat(supervisor.submit(settings, settings + "/assenze/" + id + "/elimina", Map.of()).statusCode()).isEqualTo(302);
        assertThat(supervisor.get(settings).body()).doesNotContain("id=\"uncovered\"");
    }

    @Test
    void anAbsenceRecordedWhileAResidentHoldsATimePassesThatBookingToAColleague() {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        TestStaff.Account first = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account second = TestStaff.create(jdbc, passwords, "OPERATOR");
        gives(desk, first, second);
        WebClient resident = new WebClient(port);
        String token = BookingTest.hold(resident, desk, BookingTest.offeredTimes(resident.get(desk.slotsPath()).body()).get(0));
        assertThat(BookingTest.details(resident, token, "held" + System.nanoTime() + "@example.org", "it").statusCode()).isEqualTo(302);
        String away = (String) row(token).get("staff");
        String other = away.equals(first.username()) ? second.username() : first.username();

        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        String settings = "/ufficio/appuntamenti/servizi";
        String day = (String) row(token).get("day");
        assertThat(supervisor.submit(settings, settings + "/assenze", Map.of("persona", away, "dal", day, "al", day)).statusCode())
                .isEqualTo(302);
        HttpResponse<String> confirmed = resident.submit("/appuntamenti/prenotazione/" + token + "/riepilogo",
                "/appuntamenti/prenotazione/" + token + "/conferma", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(row(token).get("staff")).as("booked with the colleague, not the absent person").isEqualTo(other);
        assertThat(supervisor.get(settings).body()).doesNotContain(">" + row(token).get("code") + "<");
    }

    @Test
    void theOfficeRecordsAWalkInNowAndIsToldWhenNoDeskIsFree() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient staff = signedIn(operator);
        String agenda = "/ufficio/appuntamenti?ufficio=" + desk.office();
        assertThat(staff.get(agenda).body()).contains("id=\"walk-in\"", "value=\"" + desk.service() + "\"");
        HttpResponse<String> walkIn = staff.submit(agenda, "/ufficio/appuntamenti/senza-appuntamento?ufficio=" + desk.office(),
                Map.of("servizio", desk.service(), "lingua", "ar", "motivo", "Chiede del kit postale"));
        assertThat(WebClient.location(walkIn)).contains("prenotato=A-");
        Map<String, Object> recorded = jdbc.sql("SELECT status, walk_in, booked_by, language, email, lower(during) <= now() AS begun"
                + " FROM appointment WHERE office_id = :o").param("o", desk.officeId()).query().singleRow();
        assertThat(recorded).containsEntry("status", "ARRIVED").containsEntry("walk_in", true)
                .containsEntry("booked_by", operator.username()).containsEntry("language", "ar").containsEntry("begun", true);
        assertThat(recorded.get("email")).isNull();
        String today = staff.get(WebClient.location(walkIn)).body();
        assertThat(today).contains("class=\"aci-walk-in\"", "Chiede del kit postale");

        // the only desk is taken now: nothing is recorded, and the office is pointed to the next free time
        HttpResponse<String> busy = staff.submit(agenda, "/ufficio/appuntamenti/senza-appuntamento?ufficio=" + desk.office(),
                Map.of("servizio", desk.service(), "lingua", "it"));
        assertThat(WebClient.location(busy)).contains("occupato");
        assertThat(staff.get(WebClient.location(busy)).body()).contains("id=\"walk-in-busy\"");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE office_id = :o AND status = 'ARRIVED'").param("o", desk.officeId())
                .query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> wrong = staff.submit(agenda, "/ufficio/appuntamenti/senza-appuntamento?ufficio=" + desk.office(),
                Map.of("servizio", "nessuno", "lingua", "it"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).doesNotContain("Exception");
    }

    @Test
    void aStaffMembersAgendaShowsWhatTheyGiveOrMediateInEveryOffice() {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        TestStaff.Account giver = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account colleague = TestStaff.create(jdbc, passwords, "OPERATOR");
        gives(desk, giver);
        String token = BookingTest.book(new WebClient(port), desk, "persona" + System.nanoTime() + "@example.org", "it");
        String code = (String) row(token).get("code");
        String day = (String) row(token).get("day");
        WebClient staff = signedIn(colleague);
        String mine = staff.get("/ufficio/appuntamenti?persona=" + giver.username() + "&giorno=" + day).body();
        assertThat(mine).contains(code, "Test " + giver.username(), "Sportello ");
        assertThat(staff.get("/ufficio/appuntamenti?persona=" + colleague.username() + "&giorno=" + day).body()).doesNotContain(code);
        assertThat(staff.get("/ufficio/appuntamenti/agenda.csv?persona=" + giver.username() + "&giorno=" + day).body())
                .contains(code + ";", ";" + giver.username() + ";");
        assertThat(staff.get("/ufficio/appuntamenti?persona=nessuno").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'appointments.agenda.read' AND record_id = :u")
                .param("a", colleague.username()).param("u", giver.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSupervisorCreatesAnOfficeAndNamesWhoGivesAService() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        TestStaff.Account giver = TestStaff.create(jdbc, passwords, "MEDIATOR");
        WebClient supervisor = signedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        String settings = "/ufficio/appuntamenti/servizi";
        HttpResponse<String> refused = supervisor.submit(settings, settings + "/uffici",
                Map.of("code", "Non Valido!", "name", "", "address", "Via Roma 2"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#office-code\"", "href=\"#office-name\"", "value=\"Via Roma 2\"");
        String code = "nuovo-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = supervisor.submit(settings, settings + "/uffici",
                Map.of("code", code, "name", "Sportello di quartiere", "address", "Via Roma 2, Saronno"));
        assertThat(WebClient.location(created)).isEqualTo(settings + "/ufficio/" + code + "?salvato");
        assertThat(supervisor.get(settings + "/ufficio/" + code).body()).contains("Sportello di quartiere");
        assertThat(supervisor.submit(settings, settings + "/uffici",
                Map.of("code", code, "name", "Doppio", "address", "Via Roma 3")).statusCode()).as("a code is used once").isEqualTo(422);

        String path = settings + "/servizio/" + desk.service();
        assertThat(supervisor.get(path).body()).contains("id=\"person-" + giver.username() + "\"");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("language", "it", "name", "Verifica", "description", "",
                "bring", "", "duration", "30", "minNotice", "0", "maxDays", "14", "maxActive", "1", "active", "true"));
        form.put("uffici", String.valueOf(desk.officeId()));
        form.put("persone", giver.username());
        assertThat(supervisor.submit(path, path, form).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT username FROM appointment_service_staff WHERE service_id = :s").param("s", desk.serviceId())
                .query(String.class).list()).containsExactly(giver.username());
        form.put("persone", "chi-non-esiste");
        assertThat(supervisor.submit(path, path, form).statusCode()).isEqualTo(422);
    }
}
