package it.comune.immigrati.appointments;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
 * The supervisors' settings over HTTP: a service's rules and texts, a new service, an office's hours and
 * days apart; a change that leaves bookings outside the hours lists them and tells each resident once.
 */
@AciTest
class SettingsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private WebClient supervisor() {
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        return staff;
    }

    private static Map<String, String> serviceForm(String name, String duration) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", "it");
        form.put("name", name);
        form.put("description", "Verifica");
        form.put("bring", "Passaporto\nContratto");
        form.put("duration", duration);
        form.put("minNotice", "0");
        form.put("maxDays", "14");
        form.put("maxActive", "1");
        form.put("maxNoShows", "2");
        form.put("active", "true");
        return form;
    }

    @Test
    void onlySupervisorsChangeTheSettings() {
        WebClient operator = new WebClient(port);
        TestStaff.login(operator, TestStaff.create(jdbc, passwords, "OPERATOR"));
        assertThat(operator.get("/ufficio/appuntamenti/servizi").statusCode()).isEqualTo(403);
        assertThat(operator.get("/ufficio/appuntamenti").statusCode()).isEqualTo(200);
        HttpResponse<String> list = supervisor().get("/ufficio/appuntamenti/servizi");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"services\"", "id=\"offices\"");
    }

    @Test
    void aSupervisorChangesAServicesRulesAndTextsAndCreatesOne() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient staff = supervisor();
        String path = "/ufficio/appuntamenti/servizi/servizio/" + desk.service();
        assertThat(staff.get(path).body()).contains("Ricongiungimento ");
        Map<String, String> wrong = serviceForm("", "3");
        HttpResponse<String> refused = staff.submit(path, path, wrong);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#duration\"", "href=\"#name\"", "value=\"3\"");

        Map<String, String> form = serviceForm("Verifica dei requisiti", "45");
        form.put("uffici", String.valueOf(desk.officeId()));
        HttpResponse<String> saved = staff.submit(path, path, form);
        assertThat(WebClient.location(saved)).endsWith("?lingua=it&salvato");
        var row = jdbc.sql("SELECT duration_minutes, max_no_shows, max_days_ahead FROM appointment_service WHERE id = :s")
                .param("s", desk.serviceId()).query().singleRow();
        assertThat(row.get("duration_minutes")).isEqualTo(45);
        assertThat(row.get("max_no_shows")).isEqualTo(2);
        // residents see it at once: the new name, and 45-minute times from 08:00
        String slots = new WebClient(port).get(desk.slotsPath()).body();
        assertThat(slots).contains("Verifica dei requisiti", "08:45");

        Map<String, String> arabic = serviceForm("التحقق من الشروط", "45");
        arabic.put("language", "ar");
        arabic.put("uffici", String.valueOf(desk.officeId()));
        staff.submit(path + "?lingua=ar", path, arabic);
        assertThat(new WebClient(port).get(desk.slotsPath() + "?lang=ar").body()).contains("التحقق من الشروط");

        String created = "/ufficio/appuntamenti/servizi/servizio/nuovo";
        Map<String, String> fresh = serviceForm("Cittadinanza: informazioni di prova", "30");
        String code = "prova-" + Long.toString(System.nanoTime(), 36);
        fresh.put("code", code);
        fresh.put("uffici", String.valueOf(desk.officeId()));
        HttpResponse<String> made = staff.submit(created, created, fresh);
        assertThat(WebClient.location(made)).contains("/servizio/" + code);
        assertThat(new WebClient(port).get("/appuntamenti").body()).contains("/appuntamenti/servizio/" + code);
        HttpResponse<String> twice = staff.submit(created, created, fresh);
        assertThat(twice.statusCode()).as("a code is taken once").isEqualTo(422);
    }

    @Test
    void changingTheHoursListsTheBookingsLeftOutsideAndTellsEachResidentOnce() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        String email = "hours" + System.nanoTime() + "@example.org";
        String token = BookingTest.book(new WebClient(port), desk, email, "uk");
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        WebClient staff = supervisor();
        String path = "/ufficio/appuntamenti/servizi/ufficio/" + desk.office();
        String page = staff.get(path).body();
        assertThat(page).contains("value=\"08:00-18:00\"").doesNotContain("id=\"affected\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Sportello di prova");
        form.put("address", "Via Roma 1, Saronno");
        form.put("desks", "1");
        for (int day = 1; day <= 7; day++) {
            form.put("ore-" + day, "9-12");
        }
        HttpResponse<String> unreadable = staff.submit(path, path, form);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("href=\"#hours-1\"", "value=\"9-12\"");
        for (int day = 1; day <= 7; day++) {
            form.put("ore-" + day, "09:00-12:00");
        }
        assertThat(WebClient.location(staff.submit(path, path, form))).endsWith("?salvato");
        // the 08:00 booking is outside the new hours: listed, and its resident told once
        String after = staff.get(path).body();
        assertThat(after).contains("id=\"affected\"", code, "/ufficio/appuntamenti/" + code + "/sposta");
        assertThat(status(code)).as("never dropped").isEqualTo("BOOKED");
        staff.submit(path, path, form);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :e").param("e", email).query(Long.class).single())
                .as("the confirmation, then one notice").isEqualTo(2);
        assertThat(new WebClient(port).get(desk.slotsPath()).body()).doesNotContain(">08:00<").contains("09:00");
        // moved into the new hours, it leaves the list, and would be told again if its new time were affected
        String movePath = "/ufficio/appuntamenti/" + code + "/sposta";
        java.util.List<String> times = BookingTest.offeredTimes(staff.get(movePath).body());
        assertThat(WebClient.location(staff.submit(movePath, movePath, Map.of("inizio", times.get(0))))).contains("spostato=" + code);
        assertThat(staff.get(path).body()).doesNotContain("id=\"affected\"");
        assertThat(jdbc.sql("SELECT affected_at IS NULL FROM appointment WHERE code = :c").param("c", code)
                .query(Boolean.class).single()).isTrue();

        // a closed day: added, listed, removed
        String day = jdbc.sql("SELECT ((now() AT TIME ZONE 'Europe/Rome')::date + 5)::text").query(String.class).single();
        HttpResponse<String> closed = staff.post(path + "/eccezioni", Map.of("_csrf", WebClient.csrf(after), "giorno", day, "nota", "Assemblea"));
        assertThat(closed.statusCode()).isEqualTo(302);
        String withClosure = staff.get(path).body();
        assertThat(withClosure).contains(day, "Assemblea");
        long id = jdbc.sql("SELECT id FROM appointment_exception WHERE office_id = :o AND note = 'Assemblea'").param("o", desk.officeId())
                .query(Long.class).single();
        staff.post(path + "/eccezioni/" + id + "/elimina", Map.of("_csrf", WebClient.csrf(withClosure)));
        assertThat(staff.get(path).body()).doesNotContain("Assemblea");
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM appointment WHERE code = :c").param("c", code).query(String.class).single();
    }
}
