package it.comune.immigrati.appointments;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.platform.PrivacyRequests;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.ProofOfWorkSolver;
import it.comune.immigrati.testing.WebClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.matchIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking at the desk as a resident's browser without JavaScript does it, over real HTTP, with the
 * e-mails read over IMAP: every step, every refusal, and links in the e-mails that change nothing.
 */
@AciTest
class BookingTest {

    private static final Pattern SLOT = Pattern.compile("name=\"inizio\" id=\"slot-(\\d+)\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("/appuntamenti/prenotazione/([A-Za-z0-9_-]{22})");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    PrivacyRequests privacy;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    static String newAddress(String who) {
        return who + System.nanoTime() + "@example.org";
    }

    static List<String> offeredTimes(String page) {
        Matcher matcher = SLOT.matcher(page);
        List<String> times = new java.util.ArrayList<>();
        while (matcher.find()) {
            times.add(matcher.group(2));
        }
        return times;
    }

    private String status(String token) {
        return jdbc.sql("SELECT status FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
    }

    /** Holds the time, returns the hold's token. */
    static String hold(WebClient resident, TestDesk desk, String time) {
        HttpResponse<String> held = resident.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", time));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
        return matchIn(WebClient.location(held), TOKEN.pattern());
    }

    static HttpResponse<String> details(WebClient resident, String token, String email, String language) {
        return resident.submit("/appuntamenti/prenotazione/" + token, "/appuntamenti/prenotazione/" + token,
                detailsForm(email, language));
    }

    static Map<String, String> detailsForm(String email, String language) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("phone", "+39 333 123 4567");
        form.put("language", language);
        form.put("mediator", "true");
        form.put("reason", "Rinnovo per mia moglie");
        form.put("privacy", "true");
        return form;
    }

    /** The whole booking: first free time, details, confirmation; returns the token. */
    static String book(WebClient resident, TestDesk desk, String email, String language) {
        String time = offeredTimes(resident.get(desk.slotsPath()).body()).get(0);
        String token = hold(resident, desk, time);
        assertThat(details(resident, token, email, language).statusCode()).isEqualTo(302);
        HttpResponse<String> confirmed = resident.submit("/appuntamenti/prenotazione/" + token + "/riepilogo",
                "/appuntamenti/prenotazione/" + token + "/conferma", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
        return token;
    }

    @Test
    void aResidentBooksInFiveStepsAndGetsTheCodeAndTheCalendarEntryByEmail() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        it.comune.immigrati.testing.TestStaff.speaks(jdbc,
                it.comune.immigrati.testing.TestStaff.create(jdbc, passwords, "MEDIATOR"), "ar", "fr");
        WebClient resident = new WebClient(port);
        String email = newAddress("amina");

        HttpResponse<String> services = resident.get("/appuntamenti");
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).contains("href=\"/appuntamenti/servizio/" + desk.service() + "\"",
                "aria-current=\"step\"");
        // one office gives the service: the office step is skipped
        HttpResponse<String> offices = resident.get("/appuntamenti/servizio/" + desk.service());
        assertThat(offices.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(offices)).isEqualTo(desk.slotsPath());

        String slots = resident.get(desk.slotsPath()).body();
        List<String> times = offeredTimes(slots);
        assertThat(times).hasSize(6);
        assertThat(slots).contains("href=\"" + desk.slotsPath() + "?giorno=");

        HttpResponse<String> none = resident.submit(desk.slotsPath(), desk.slotsPath(), Map.of());
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("id=\"form-errors\"", "href=\"#slot-0\"");

        String token = hold(resident, desk, times.get(0));
        assertThat(status(token)).isEqualTo("HELD");
        HttpResponse<String> form = resident.get("/appuntamenti/prenotazione/" + token);
        assertThat(form.body()).contains("id=\"held\"");
        assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> empty = resident.submit("/appuntamenti/prenotazione/" + token,
                "/appuntamenti/prenotazione/" + token, Map.of("email", "", "language", "it"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#email\"", "href=\"#privacy\"", "id=\"email-error\"",
                "aria-invalid=\"true\"", "<title>Errore:");
        HttpResponse<String> wrong = details(resident, token, "amina-at-example", "ar");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("value=\"amina-at-example\"", "Rinnovo per mia moglie");

        HttpResponse<String> saved = details(resident, token, email, "ar");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(saved)).isEqualTo("/appuntamenti/prenotazione/" + token + "/riepilogo");
        String summary = resident.get("/appuntamenti/prenotazione/" + token + "/riepilogo").body();
        assertThat(summary).contains(email, "/appuntamenti/prenotazione/" + token + "/conferma");
        assertThat(status(token)).as("nothing is booked before the confirmation").isEqualTo("HELD");

        HttpResponse<String> confirmed = resident.submit("/appuntamenti/prenotazione/" + token + "/riepilogo",
                "/appuntamenti/prenotazione/" + token + "/conferma", Map.of());
        assertThat(WebClient.location(confirmed)).isEqualTo("/appuntamenti/mia/" + token + "?prenotato");
        String page = resident.get(WebClient.location(confirmed)).body();
        String code = matchIn(page, "(A-\\d{4}-\\d{6})");
        assertThat(page).as("the page speaks the language the resident preferred").contains("lang=\"ar\"", "id=\"booked\"", "جواز السفر", "/appuntamenti/mia/" + token + "/disdici");
        assertThat(status(token)).isEqualTo("BOOKED");
        String mediator = jdbc.sql("SELECT mediator FROM appointment WHERE access_token = :t").param("t", token)
                .query(String.class).optional().orElse(null);
        assertThat(mediator).as("a mediator who speaks Arabic and is free then").isNotNull();
        assertThat(jdbc.sql("SELECT 'MEDIATOR' = ANY(roles) AND 'ar' = ANY(languages) FROM staff_user WHERE username = :u")
                .param("u", mediator).query(Boolean.class).single()).isTrue();

        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail mail = mailbox.await(m -> m.text() != null && m.text().contains(code), Duration.ofSeconds(20));
        assertThat(mail.text()).doesNotContain("{0}").contains("جواز السفر", "/appuntamenti/mia/" + token + "?lang=ar");
        assertThat(mail.attachments()).hasSize(1);
        ImapMailbox.Attached ics = mail.attachments().get(0);
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics.content()));
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        Temporal start = event.getDateTimeStart().getDate();
        assertThat(ZonedDateTime.from(start).toInstant()).isEqualTo(Instant.parse(times.get(0)));
        assertThat(new String(ics.content(), java.nio.charset.StandardCharsets.UTF_8)).contains("DTSTART;TZID=Europe/Rome:",
                "BEGIN:VTIMEZONE");

        // a mail scanner, or the resident in a fresh browser, opens every link of the e-mail: nothing changes
        WebClient scanner = new WebClient(port);
        Matcher links = Pattern.compile("https?://[^\\s\"<>]+").matcher(mail.text());
        int opened = 0;
        while (links.find()) {
            String path = links.group().replaceFirst("^https?://[^/]+", "");
            int statusCode = scanner.get(path).statusCode();
            assertThat(statusCode).as(path).isLessThan(500);
            opened++;
        }
        assertThat(opened).isGreaterThan(0);
        HttpResponse<String> cancelPage = scanner.get("/appuntamenti/mia/" + token + "/disdici");
        assertThat(cancelPage.statusCode()).isEqualTo(200);
        assertThat(cancelPage.body()).contains("method=\"post\" action=\"/appuntamenti/mia/" + token + "/disdici\"");
        assertThat(scanner.get("/appuntamenti/mia/" + token + "/appuntamento.ics").body()).contains("BEGIN:VCALENDAR");
        assertThat(status(token)).as("GET on every link changes nothing").isEqualTo("BOOKED");
        // the link opened where no language was ever chosen speaks the booking's language
        assertThat(scanner.get("/appuntamenti/mia/" + token).body()).contains("lang=\"ar\"", "dir=\"rtl\"");

        // the time is taken: nobody else is offered it
        assertThat(offeredTimes(new WebClient(port).get(desk.slotsPath()).body())).doesNotContain(times.get(0));

        HttpResponse<String> cancelled = resident.submit("/appuntamenti/mia/" + token + "/disdici",
                "/appuntamenti/mia/" + token + "/disdici", Map.of());
        assertThat(WebClient.location(cancelled)).isEqualTo("/appuntamenti/mia/" + token + "?disdetto");
        assertThat(status(token)).isEqualTo("CANCELLED");
        assertThat(resident.get("/appuntamenti/mia/" + token + "?disdetto").body()).contains("id=\"cancelled\"");
        ImapMailbox.Mail cancellation = mailbox.await(m -> m.text() != null && m.text().contains(code)
                && !m.messageId().equals(mail.messageId()), Duration.ofSeconds(20));
        assertThat(new String(cancellation.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(offeredTimes(new WebClient(port).get(desk.slotsPath()).body())).as("free again").contains(times.get(0));
    }

    @Test
    void aResidentMovesTheBookingToAFreeTimeAndTheCalendarEntryIsReplaced() throws Exception {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient resident = new WebClient(port);
        String email = newAddress("moves");
        String token = book(resident, desk, email, "fr");
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        Instant before = jdbc.sql("SELECT lower(during) FROM appointment WHERE access_token = :t").param("t", token)
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(resident.get("/appuntamenti/mia/" + token).body()).contains("href=\"/appuntamenti/mia/" + token + "/sposta\"");

        // someone else holds the next time: moving there is a clear conflict, nothing changes
        String othersTime = book(new WebClient(port), desk, newAddress("other"), "it");
        String taken = jdbc.sql("SELECT lower(during) FROM appointment WHERE access_token = :t").param("t", othersTime)
                .query(java.time.OffsetDateTime.class).single().toInstant().toString();
        String movePath = "/appuntamenti/mia/" + token + "/sposta";
        HttpResponse<String> conflict = resident.submit(movePath, movePath, Map.of("inizio", taken));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"form-errors\"");
        HttpResponse<String> empty = resident.submit(movePath, movePath, Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#slot-0\"");

        List<String> offered = offeredTimes(resident.get(movePath).body());
        assertThat(offered).isNotEmpty().doesNotContain(before.toString(), taken);
        String target = offered.get(offered.size() - 1);
        HttpResponse<String> moved = resident.submit(movePath, movePath, Map.of("inizio", target));
        assertThat(WebClient.location(moved)).isEqualTo("/appuntamenti/mia/" + token + "?spostato");
        assertThat(resident.get(WebClient.location(moved)).body()).contains("id=\"moved\"");
        assertThat(jdbc.sql("SELECT lower(during) FROM appointment WHERE access_token = :t").param("t", token)
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse(target));
        assertThat(status(token)).isEqualTo("BOOKED");
        assertThat(offeredTimes(new WebClient(port).get(desk.slotsPath()).body())).as("the old time is free again")
                .contains(before.toString()).doesNotContain(target);

        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail mail = mailbox.await(m -> m.text() != null && m.text().contains(code) && !m.attachments().isEmpty()
                && new String(m.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8).contains("SEQUENCE:1"),
                Duration.ofSeconds(20));
        String ics = new String(mail.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).contains("SEQUENCE:1", "UID:" + code + "@", "METHOD:PUBLISH");
        VEvent event = (VEvent) new CalendarBuilder().build(new ByteArrayInputStream(mail.attachments().get(0).content()))
                .getComponent(Component.VEVENT).orElseThrow();
        assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant()).isEqualTo(Instant.parse(target));
        assertThat(mail.text()).doesNotContain("{0}", "{1}");

        // once cancelled it cannot move
        String openTab = resident.get(movePath).body();
        resident.submit("/appuntamenti/mia/" + token + "/disdici", "/appuntamenti/mia/" + token + "/disdici", Map.of());
        assertThat(resident.get(movePath).body()).doesNotContain("name=\"inizio\"");
        // a form kept open in another tab: refused, said so
        HttpResponse<String> gone = resident.post(movePath, Map.of("inizio", before.toString(), "_csrf",
                WebClient.csrf(openTab)));
        assertThat(gone.statusCode()).isEqualTo(422);
        assertThat(gone.body()).contains("id=\"form-errors\"");
        assertThat(status(token)).isEqualTo("CANCELLED");
        assertThat(resident.get("/appuntamenti/mia/" + token).body()).doesNotContain("/sposta\"");
    }

    @Test
    void aTimeSomebodyJustTookGivesTheNextFreeTimesNotAnError() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient first = new WebClient(port);
        WebClient second = new WebClient(port);
        String time = offeredTimes(first.get(desk.slotsPath()).body()).get(0);
        String secondsPage = second.get(desk.slotsPath()).body();
        assertThat(offeredTimes(secondsPage)).contains(time);
        hold(first, desk, time);
        HttpResponse<String> late = second.post(desk.slotsPath(), Map.of("inizio", time));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("id=\"form-errors\"");
        assertThat(offeredTimes(late.body())).isNotEmpty().doesNotContain(time);
    }

    /** The next free times of the desk, more than the page offers first (from the API). */
    private List<String> nextTimes(TestDesk desk, int count) {
        String slots = new WebClient(port).get("/api/v1/appointments/services/" + desk.service() + "/offices/" + desk.office()
                + "/slots?limit=" + count, "Accept", "application/json").body();
        Matcher matcher = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(slots);
        List<String> times = new java.util.ArrayList<>();
        while (matcher.find()) {
            times.add(matcher.group(1));
        }
        assertThat(times).hasSize(count);
        return times;
    }

    @Test
    void withoutJavaScriptAClientHoldsAFewTimesAnHourAndASolvedChallengeKeepsTheNormalAllowance() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        List<String> times = nextTimes(desk, 10);
        WebClient noScript = new WebClient(port);
        for (int i = 0; i < 6; i++) {
            hold(noScript, desk, times.get(i));
        }
        HttpResponse<String> seventh = noScript.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", times.get(6)));
        assertThat(seventh.statusCode()).isEqualTo(429);
        assertThat(seventh.body()).contains("id=\"form-errors\"", "troppe prenotazioni");

        // the page script's solution: the same client goes on, once per solution
        String solution = solvedChallenge(noScript, desk);
        HttpResponse<String> solved = noScript.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", times.get(6), "altcha", solution));
        assertThat(solved.statusCode()).as(solved.body()).isEqualTo(302);
        HttpResponse<String> replayed = noScript.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", times.get(7), "altcha", solution));
        assertThat(replayed.statusCode()).as("a solution works once").isEqualTo(429);
        assertThat(noScript.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", times.get(7), "altcha",
                solvedChallenge(noScript, desk))).statusCode()).isEqualTo(302);
    }

    @Test
    void thePageOfTimesIsKeptWholeForEverybodyYetATimeChosenIsGoneAtOnceAndAnotherSiteCannotChoose() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient resident = new WebClient(port);
        String page = resident.get(desk.slotsPath()).body();
        assertThat(page).as("nothing of one visitor on it").doesNotContain("name=\"_csrf\"", "data-challenge=\"");
        double hits = pageCacheHits();
        assertThat(new WebClient(port).get(desk.slotsPath()).body()).isEqualTo(page);
        assertThat(pageCacheHits()).as("the second visitor's page came from memory").isGreaterThan(hits);

        String time = offeredTimes(page).get(0);
        // a form on another site that makes a visitor's browser choose a time
        HttpResponse<String> forged = resident.post(desk.slotsPath(), Map.of("inizio", time), "Origin", "https://elsewhere.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> fetched = resident.post(desk.slotsPath(), Map.of("inizio", time), "Sec-Fetch-Site", "cross-site",
                "Origin", "http://localhost:" + port);
        assertThat(fetched.statusCode()).as("the browser said it came from another site").isEqualTo(403);
        HttpResponse<String> ours = resident.post(desk.slotsPath(), Map.of("inizio", time), "Sec-Fetch-Site", "same-origin",
                "Origin", "http://localhost:" + port);
        assertThat(ours.statusCode()).as(ours.body()).isEqualTo(302);
        assertThat(offeredTimes(new WebClient(port).get(desk.slotsPath()).body())).as("held now").doesNotContain(time);
    }

    private double pageCacheHits() {
        return meters.find("cache.gets").tag("cache", "public_pages").tag("result", "hit").functionCounter().count();
    }

    /** What the page's script does: fetches a challenge from the address the form names and solves it. */
    private static String solvedChallenge(WebClient client, TestDesk desk) {
        String url = matchIn(client.get(desk.slotsPath()).body(), "data-challenge-url=\"([^\"]+)\"");
        return ProofOfWorkSolver.fromChallengeJson(client.get(url, "Accept", "application/json").body());
    }

    @Test
    void aTimeNotOnTheOfficesGridIsRefused() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient resident = new WebClient(port);
        String time = offeredTimes(resident.get(desk.slotsPath()).body()).get(0);
        String offGrid = Instant.parse(time).plusSeconds(600).toString();
        HttpResponse<String> refused = resident.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", offGrid));
        assertThat(refused.statusCode()).isEqualTo(422);
        HttpResponse<String> garbage = resident.submit(desk.slotsPath(), desk.slotsPath(), Map.of("inizio", "domani alle 9"));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(resident.get(desk.slotsPath() + "?giorno=ieri").statusCode()).isEqualTo(400);
        assertThat(resident.get("/appuntamenti/servizio/nessuno").statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredHoldIsReleasedAndTheResidentIsToldWithTheNextFreeTimes() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient resident = new WebClient(port);
        String time = offeredTimes(resident.get(desk.slotsPath()).body()).get(0);
        String token = hold(resident, desk, time);
        // the details form stays open while the hold runs out
        String open = resident.get("/appuntamenti/prenotazione/" + token).body();
        jdbc.sql("UPDATE appointment SET hold_until = now() - interval '1 minute' WHERE access_token = :t")
                .param("t", token).update();
        Map<String, String> form = detailsForm(newAddress("late"), "it");
        form.put("_csrf", WebClient.csrf(open));
        HttpResponse<String> late = resident.post("/appuntamenti/prenotazione/" + token, form);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("id=\"form-errors\"");
        assertThat(offeredTimes(late.body())).as("the released time is offered again").contains(time);
        assertThat(status(token)).isEqualTo("EXPIRED");
    }

    @Test
    void oneAddressHoldsOneBookingOfAServiceThatAllowsOne() {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        WebClient resident = new WebClient(port);
        String email = newAddress("hoarder");
        book(resident, desk, email, "it");
        String second = hold(resident, desk, offeredTimes(resident.get(desk.slotsPath()).body()).get(0));
        details(resident, second, email.toUpperCase(java.util.Locale.ROOT), "it");
        HttpResponse<String> refused = resident.submit("/appuntamenti/prenotazione/" + second + "/riepilogo",
                "/appuntamenti/prenotazione/" + second + "/conferma", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"form-errors\"");
        assertThat(status(second)).isEqualTo("HELD");
    }

    @Test
    void aScarceServiceIsBookedOnlyWhenTheResidentConfirmsOnThePageTheEmailLeadsTo() {
        TestDesk desk = TestDesk.create(jdbc, 1, true);
        WebClient resident = new WebClient(port);
        String email = newAddress("scarce");
        String time = offeredTimes(resident.get(desk.slotsPath()).body()).get(0);
        String token = hold(resident, desk, time);
        details(resident, token, email, "it");
        HttpResponse<String> asked = resident.submit("/appuntamenti/prenotazione/" + token + "/riepilogo",
                "/appuntamenti/prenotazione/" + token + "/conferma", Map.of());
        assertThat(WebClient.location(asked)).endsWith("?da-confermare");
        assertThat(status(token)).isEqualTo("UNCONFIRMED");
        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail request = mailbox.await(m -> m.text() != null && m.text().contains("/appuntamenti/mia/" + token),
                Duration.ofSeconds(20));
        assertThat(request.attachments()).isEmpty();
        WebClient fresh = new WebClient(port);
        String link = matchIn(request.text(), "https?://[^/\\s]+(/appuntamenti/mia/[^\\s]+)");
        String page = fresh.get(link).body();
        assertThat(page).contains("id=\"to-confirm\"");
        assertThat(status(token)).as("opening the link confirms nothing").isEqualTo("UNCONFIRMED");
        assertThat(offeredTimes(new WebClient(port).get(desk.slotsPath()).body())).as("kept meanwhile").doesNotContain(time);
        HttpResponse<String> confirmed = fresh.post("/appuntamenti/mia/" + token + "/conferma",
                Map.of("_csrf", WebClient.csrf(page)));
        assertThat(WebClient.location(confirmed)).endsWith("?prenotato");
        assertThat(status(token)).isEqualTo("BOOKED");
        mailbox.await(m -> !m.attachments().isEmpty(), Duration.ofSeconds(20));
    }

    @Test
    void anUnknownPrivateLinkIsNotFound() {
        WebClient guesser = new WebClient(port);
        assertThat(guesser.get("/appuntamenti/mia/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(guesser.get("/appuntamenti/prenotazione/short").statusCode()).isEqualTo(404);
    }

    @Test
    void theOfficesPrivacyRequestsExportAndEraseAppointments() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        WebClient resident = new WebClient(port);
        String email = newAddress("erase");
        String token = book(resident, desk, email, "it");
        String code = jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single();
        assertThat(privacy.held(email).get("appointments")).singleElement().satisfies(h -> assertThat(h.count()).isEqualTo(1));
        assertThat(String.valueOf(privacy.export(email, "test").get("appointments"))).contains(code, "Rinnovo per mia moglie");
        privacy.erase(email, "test");
        var row = jdbc.sql("SELECT status, email, phone, reason FROM appointment WHERE code = :c").param("c", code).query().singleRow();
        assertThat(row.get("status")).isEqualTo("CANCELLED");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("reason")).isNull();
        assertThat(resident.get("/appuntamenti/mia/" + token).statusCode()).isEqualTo(404);
    }
}
