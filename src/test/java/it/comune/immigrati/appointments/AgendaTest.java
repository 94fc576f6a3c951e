package it.comune.immigrati.appointments;

import java.net.http.HttpResponse;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The office's agenda over HTTP: what it lists, its CSV, check-in and no-show, who may read it, and the audit. */
@AciTest
class AgendaTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private String day(TestDesk desk) {
        return jdbc.sql("SELECT min((lower(during) AT TIME ZONE 'Europe/Rome')::date)::text FROM appointment WHERE office_id = :o")
                .param("o", desk.officeId()).query(String.class).single();
    }

    @Test
    void theOfficeSeesTheDaysBookingsChecksInAndMarksANoShowEachAudited() {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        String email = "agenda" + System.nanoTime() + "@example.org";
        String token = BookingTest.book(new WebClient(port), desk, email, "bn");
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, operator);

        String agendaPath = "/ufficio/appuntamenti?ufficio=" + desk.office() + "&giorno=" + day(desk);
        HttpResponse<String> agenda = staff.get(agendaPath);
        assertThat(agenda.statusCode()).isEqualTo(200);
        assertThat(agenda.body()).contains(code, email, "Rinnovo per mia moglie", "id=\"mediators-needed\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'appointments.agenda.read'")
                .param("a", operator.username()).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> csv = staff.get("/ufficio/appuntamenti/agenda.csv?ufficio=" + desk.office() + "&giorno=" + day(desk));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains(code + ";", email, "si;");

        String actions = "?ufficio=" + desk.office() + "&giorno=" + day(desk);
        HttpResponse<String> arrived = staff.post("/ufficio/appuntamenti/" + code + "/arrivato" + actions,
                Map.of("_csrf", WebClient.csrf(agenda.body())));
        assertThat(arrived.statusCode()).isEqualTo(302);
        assertThat(status(code)).isEqualTo("ARRIVED");
        // arrived people are not no-shows: refused, and said so on the agenda
        HttpResponse<String> wrong = staff.post("/ufficio/appuntamenti/" + code + "/non-presentato" + actions,
                Map.of("_csrf", WebClient.csrf(agenda.body())));
        assertThat(WebClient.location(wrong)).contains("non-cambiato=" + code);
        assertThat(status(code)).isEqualTo("ARRIVED");
        staff.post("/ufficio/appuntamenti/" + code + "/svolto" + actions, Map.of("_csrf", WebClient.csrf(agenda.body())));
        assertThat(status(code)).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action IN ('appointment.arrived', 'appointment.done')")
                .param("a", operator.username()).query(Long.class).single()).isEqualTo(2);

        // a booking whose time has begun and nobody came: a no-show, counted on the address's next booking
        String second = BookingTest.book(new WebClient(port), desk, email, "bn");
        String secondCode = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", second).query(String.class).single();
        HttpResponse<String> tooEarly = staff.post("/ufficio/appuntamenti/" + secondCode + "/non-presentato" + actions,
                Map.of("_csrf", WebClient.csrf(agenda.body())));
        assertThat(WebClient.location(tooEarly)).contains("non-cambiato=");
        jdbc.sql("UPDATE appointment SET during = tstzrange(now() - interval '1 hour', now() - interval '30 minutes', '[)') WHERE code = :c")
                .param("c", secondCode).update();
        staff.post("/ufficio/appuntamenti/" + secondCode + "/non-presentato" + actions, Map.of("_csrf", WebClient.csrf(agenda.body())));
        assertThat(status(secondCode)).isEqualTo("NO_SHOW");
        String third = BookingTest.book(new WebClient(port), desk, email, "bn");
        String thirdCode = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", third).query(String.class).single();
        String thirdDay = jdbc.sql("SELECT (lower(during) AT TIME ZONE 'Europe/Rome')::date::text FROM appointment WHERE code = :c")
                .param("c", thirdCode).query(String.class).single();
        String withNoShow = staff.get("/ufficio/appuntamenti?ufficio=" + desk.office() + "&giorno=" + thirdDay).body();
        assertThat(withNoShow).contains(thirdCode, "class=\"aci-no-shows\"");
    }

    @Test
    void theOfficeMovesOrCancelsABookingFromTheAgendaAndThePersonIsToldByEmail() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        String email = "staffmove" + System.nanoTime() + "@example.org";
        String token = BookingTest.book(new WebClient(port), desk, email, "ar");
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, operator);
        String agenda = staff.get("/ufficio/appuntamenti?ufficio=" + desk.office() + "&giorno=" + day(desk)).body();
        assertThat(agenda).contains("href=\"/ufficio/appuntamenti/" + code + "/sposta\"", "href=\"/ufficio/appuntamenti/" + code + "/disdici\"");

        String movePath = "/ufficio/appuntamenti/" + code + "/sposta";
        HttpResponse<String> page = staff.get(movePath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email);
        java.util.List<String> times = BookingTest.offeredTimes(page.body());
        HttpResponse<String> moved = staff.submit(movePath, movePath, Map.of("inizio", times.get(times.size() - 1)));
        assertThat(WebClient.location(moved)).contains("spostato=" + code);
        assertThat(staff.get(WebClient.location(moved)).body()).contains("id=\"changed\"", code);
        assertThat(jdbc.sql("SELECT lower(during) = :t::timestamptz FROM appointment WHERE code = :c").param("c", code)
                .param("t", times.get(times.size() - 1)).query(Boolean.class).single()).isTrue();
        assertThat(new it.comune.immigrati.testing.WebClient(port).get("/appuntamenti/mia/" + token).body()).contains("id=\"move\"");

        String cancelPath = "/ufficio/appuntamenti/" + code + "/disdici";
        assertThat(staff.get(cancelPath).body()).contains("method=\"post\" action=\"" + cancelPath + "\"");
        assertThat(status(code)).as("opening the page changes nothing").isEqualTo("BOOKED");
        HttpResponse<String> cancelled = staff.submit(cancelPath, cancelPath, Map.of());
        assertThat(WebClient.location(cancelled)).contains("disdetto=" + code);
        assertThat(status(code)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT cancelled_by FROM appointment WHERE code = :c").param("c", code).query(String.class).single())
                .isEqualTo(operator.username());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action IN ('appointment.moved', 'appointment.cancelled')")
                .param("a", operator.username()).query(Long.class).single()).isEqualTo(2);
        // the person's e-mails: the move and the cancellation, both saying the office did it, in Arabic
        java.util.List<String> subjects = jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = :e ORDER BY id")
                .param("e", email).query(String.class).list();
        assertThat(subjects).hasSize(3);
        assertThat(jdbc.sql("SELECT text_body FROM mail_outbox WHERE recipient = :e ORDER BY id").param("e", email)
                .query(String.class).list().subList(1, 3)).allSatisfy(text -> assertThat(text).doesNotContain("{0}", "Appuntamento"));
    }

    /**
     * After the office's hours change, the times on the new grid overlap the booking's own: a booking on the
     * only desk, given by the only person named for the service, must still move to them (its own time does
     * not count against it), from the resident's page and from the office's.
     */
    @Test
    void aBookingMovesToATimeThatOverlapsItsOwnAfterTheHoursChanged() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        jdbc.sql("INSERT INTO appointment_service_staff (service_id, username) VALUES (:s, :u)")
                .param("s", desk.serviceId()).param("u", operator.username()).update();
        String email = "overlap" + System.nanoTime() + "@example.org";
        String token = BookingTest.book(new WebClient(port), desk, email, "it");
        java.time.Instant booked = start(token);
        assertThat(booked.atZone(java.time.ZoneId.of("Europe/Rome")).toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 0));
        assertThat(jdbc.sql("SELECT staff FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single())
                .isEqualTo(operator.username());

        // the office now opens at 8:15: its first time, 8:15-8:45, overlaps the booking's 8:00-8:30
        opensAt(desk, "08:15");
        java.time.Instant quarterPast = booked.plus(java.time.Duration.ofMinutes(15));
        WebClient resident = new WebClient(port);
        String movePath = "/appuntamenti/mia/" + token + "/sposta";
        java.util.List<String> times = BookingTest.offeredTimes(resident.get(movePath).body());
        assertThat(times).as("the resident is offered the overlapping time").contains(quarterPast.toString());
        HttpResponse<String> moved = resident.submit(movePath, movePath, Map.of("inizio", quarterPast.toString()));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(WebClient.location(moved)).contains("?spostato");
        assertThat(start(token)).isEqualTo(quarterPast);

        // back to 8:00: the office moves it to 8:30, which overlaps its 8:15-8:45, and it keeps its person
        opensAt(desk, "08:00");
        java.time.Instant halfPast = booked.plus(java.time.Duration.ofMinutes(30));
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, operator);
        String staffMove = "/ufficio/appuntamenti/" + code + "/sposta";
        java.util.List<String> staffTimes = BookingTest.offeredTimes(staff.get(staffMove).body());
        assertThat(staffTimes).contains(halfPast.toString()).doesNotContain(quarterPast.toString());
        HttpResponse<String> byOffice = staff.submit(staffMove, staffMove, Map.of("inizio", halfPast.toString()));
        assertThat(WebClient.location(byOffice)).contains("spostato=" + code);
        assertThat(start(token)).isEqualTo(halfPast);
        assertThat(jdbc.sql("SELECT staff FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single())
                .isEqualTo(operator.username());
    }

    private java.time.Instant start(String token) {
        return jdbc.sql("SELECT lower(during) FROM appointment WHERE access_token = :t").param("t", token)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private void opensAt(TestDesk desk, String opens) {
        jdbc.sql("UPDATE appointment_opening SET opens = :opens::time WHERE office_id = :o").param("opens", opens)
                .param("o", desk.officeId()).update();
    }

    @Test
    void theOfficeBooksOnBehalfOfSomeoneWhoPhonesWithTheSameRules() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, operator);
        String times = "/ufficio/appuntamenti/nuovo/" + desk.service() + "/" + desk.office();
        assertThat(staff.get("/ufficio/appuntamenti").body()).contains("href=\"/ufficio/appuntamenti/nuovo\"");
        assertThat(staff.get("/ufficio/appuntamenti/nuovo").body()).contains("href=\"" + times + "\"");
        java.util.List<String> offered = BookingTest.offeredTimes(staff.get(times).body());
        HttpResponse<String> held = staff.submit(times, times, Map.of("inizio", offered.get(0)));
        String details = WebClient.location(held);
        assertThat(details).startsWith("/ufficio/appuntamenti/nuovo/dettagli/");
        HttpResponse<String> empty = staff.submit(details, details, Map.of("email", "", "language", "uk"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#email\"").doesNotContain("href=\"#privacy\"");
        String email = "phoned" + System.nanoTime() + "@example.org";
        HttpResponse<String> booked = staff.submit(details, details, Map.of("email", email, "language", "uk", "phone", "333 1234567"));
        String code = matchIn(WebClient.location(booked), "prenotato=(A-\\d{4}-\\d{6})");
        var row = jdbc.sql("SELECT status, booked_by, language FROM appointment WHERE code = :c").param("c", code).query().singleRow();
        assertThat(row.get("status")).isEqualTo("BOOKED");
        assertThat(row.get("booked_by")).isEqualTo(operator.username());
        assertThat(row.get("language")).isEqualTo("uk");
        assertThat(staff.get(WebClient.location(booked)).body()).contains("id=\"changed\"", operator.username());
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :e").param("e", email).query(Long.class).single())
                .isEqualTo(1);
        // the same rules: one active booking of the service per person
        HttpResponse<String> second = staff.submit(times, times, Map.of("inizio", offered.get(1)));
        String secondDetails = WebClient.location(second);
        HttpResponse<String> overCap = staff.submit(secondDetails, secondDetails, Map.of("email", email, "language", "uk"));
        assertThat(overCap.statusCode()).isEqualTo(409);
        assertThat(overCap.body()).contains("id=\"form-errors\"");
    }

    @Test
    void aServiceThatLimitsNoShowsSendsThePersonToTheOfficeWhichCanStillBookAndNotesTheAppointment() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        jdbc.sql("UPDATE appointment_service SET max_no_shows = 1, max_active_per_person = 3 WHERE id = :s")
                .param("s", desk.serviceId()).update();
        String email = "missed" + System.nanoTime() + "@example.org";
        String first = BookingTest.book(new WebClient(port), desk, email, "it");
        jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', during = tstzrange(now() - interval '2 days', now() - interval '2 days' "
                + "+ interval '30 minutes', '[)') WHERE access_token = :t").param("t", first).update();

        WebClient resident = new WebClient(port);
        String time = BookingTest.offeredTimes(resident.get(desk.slotsPath()).body()).get(0);
        String token = BookingTest.hold(resident, desk, time);
        assertThat(BookingTest.details(resident, token, email, "it").statusCode()).isEqualTo(302);
        HttpResponse<String> refused = resident.submit("/appuntamenti/prenotazione/" + token + "/riepilogo",
                "/appuntamenti/prenotazione/" + token + "/conferma", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"form-errors\"", "telefona all");
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE access_token = :t").param("t", token)
                .query(String.class).single()).as("not booked").isEqualTo("HELD");

        // the office books for them, and writes a note on the appointment
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, operator);
        String times = "/ufficio/appuntamenti/nuovo/" + desk.service() + "/" + desk.office();
        String details = WebClient.location(staff.submit(times, times, Map.of("inizio", BookingTest.offeredTimes(staff.get(times).body()).get(0))));
        String code = matchIn(WebClient.location(staff.submit(details, details, Map.of("email", email, "language", "it"))),
                "prenotato=(A-\\d{4}-\\d{6})");
        String agendaPath = "/ufficio/appuntamenti?ufficio=" + desk.office() + "&giorno=" + jdbc.sql(
                "SELECT (lower(during) AT TIME ZONE 'Europe/Rome')::date::text FROM appointment WHERE code = :c").param("c", code)
                .query(String.class).single();
        String agenda = staff.get(agendaPath).body();
        String noteAction = "/ufficio/appuntamenti/" + code + "/nota";
        assertThat(agenda).contains("action=\"" + noteAction);
        HttpResponse<String> noted = staff.post(noteAction + "?ufficio=" + desk.office(), Map.of("_csrf", WebClient.csrf(agenda),
                "nota", "Porta anche il contratto di lavoro"));
        assertThat(noted.statusCode()).isEqualTo(302);
        assertThat(staff.get(agendaPath).body()).contains("Porta anche il contratto di lavoro");
        assertThat(staff.get("/ufficio/appuntamenti/agenda.csv?ufficio=" + desk.office() + "&giorno=" + agendaPath.replaceAll(".*giorno=", ""))
                .body()).contains("Porta anche il contratto di lavoro");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'appointment.note'")
                .param("a", operator.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyDeskStaffReadTheAgenda() {
        assertThat(new WebClient(port).get("/ufficio/appuntamenti").statusCode()).isIn(302, 401, 403);
        TestStaff.Account editor = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, editor);
        assertThat(staff.get("/ufficio/appuntamenti").statusCode()).isEqualTo(403);
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM appointment WHERE code = :c").param("c", code).query(String.class).single();
    }

    static String code(String page) {
        return matchIn(page, "(A-\\d{4}-\\d{6})");
    }

    @Test
    void theAgendaShowsTheWaitingLineOfItsOfficeAsNumbersWithoutAddresses() {
        TestDesk desk = TestDesk.full(jdbc);
        String join = desk.slotsPath() + "/attesa";
        String first = "line" + System.nanoTime() + "@example.org";
        for (Map<String, String> form : java.util.List.of(Map.of("email", first, "language", "ar", "privacy", "true"),
                Map.of("email", "line" + System.nanoTime() + "@example.org", "language", "it", "mediator", "true", "privacy", "true"))) {
            assertThat(new WebClient(port).submit(join, join, form).statusCode()).isEqualTo(302);
        }
        jdbc.sql("UPDATE appointment_waiting SET created_at = now() - interval '3 days' WHERE lower(email) = lower(:e)")
                .param("e", first).update();
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, TestStaff.create(jdbc, passwords, "OPERATOR"));

        String page = staff.get("/ufficio/appuntamenti?ufficio=" + desk.office()).body();
        String service = jdbc.sql("SELECT name FROM appointment_service_text WHERE service_id = :s AND language = 'it'")
                .param("s", desk.serviceId()).query(String.class).single();
        String since = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ITALIAN).format(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).minusDays(3));
        assertThat(page).contains("id=\"waiting-line\"")
                .containsPattern("<th scope=\"row\">" + service + "</th><td>2</td><td>0</td><td>1</td>\\s*<td>" + since + "</td>")
                .doesNotContain(first);

        // another office's agenda does not count this line
        TestDesk other = TestDesk.create(jdbc, 1, false);
        assertThat(staff.get("/ufficio/appuntamenti?ufficio=" + other.office()).body()).contains("id=\"waiting-line-empty\"")
                .doesNotContain(service);
    }
}
