package it.comune.immigrati.practices.internal;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.platform.PrivacyRequests;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renewal reminders as a resident uses them, over real HTTP without JavaScript, with the e-mails read over
 * IMAP: sign-up, refusals, the confirmation link that changes nothing until the button, each stage sent
 * once, unsubscribing, the office's counts, privacy export and erasure, and the clean-up.
 */
@AciTest
class RenewalRemindersTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/promemoria/([A-Za-z0-9_-]{22})\\?lang=[a-z]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    RenewalReminders reminders;

    @Autowired
    PrivacyRequests privacy;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ReminderStore store;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AciProperties aci;

    /** The reminders as the scheduler runs them on another day: the clock moved, nothing else. */
    private RenewalReminders on(LocalDate day) {
        ZoneId rome = ZoneId.of("Europe/Rome");
        return new RenewalReminders(store, outbox, transactions, Clock.fixed(day.atTime(8, 0).atZone(rome).toInstant(), rome), aci);
    }

    private Integer lastReminder(String email) {
        return jdbc.sql("SELECT last_reminder FROM practices_renewal_reminder WHERE email = :e").param("e", email)
                .query(Integer.class).optional().orElse(null);
    }

    private static String newAddress(String who) {
        return who + System.nanoTime() + "@example.org";
    }

    private static Map<String, String> form(String email, String language, LocalDate expiry) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("expiry", expiry.toString());
        form.put("language", language);
        form.put("privacy", "true");
        return form;
    }

    private HttpResponse<String> signUp(WebClient resident, Map<String, String> form) {
        return resident.submit("/promemoria", "/promemoria", form);
    }

    private Matcher linkIn(ImapMailbox.Mail mail) {
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return link;
    }

    private int rows(String email) {
        return jdbc.sql("SELECT count(*) FROM practices_renewal_reminder WHERE email = :e").param("e", email).query(Integer.class).single();
    }

    @Test
    void aResidentSignsUpConfirmsThroughTheEmailAndGetsEachReminderOnce() {
        WebClient resident = new WebClient(port);
        String email = newAddress("karim");
        LocalDate expiry = reminders.today().plusDays(200);

        HttpResponse<String> page = resident.get("/promemoria");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/promemoria\"", "type=\"date\"", "name=\"privacy\"");

        HttpResponse<String> sent = signUp(resident, form(email, "ar", expiry));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(WebClient.location(sent)).isEqualTo("/promemoria/inviato");
        assertThat(resident.get("/promemoria/inviato").statusCode()).isEqualTo(200);
        // the same form sent again on the same day does not mail twice
        assertThat(signUp(resident, form(email, "ar", expiry)).statusCode()).isEqualTo(302);
        assertThat(rows(email)).isEqualTo(1);

        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail confirmation = mailbox.await(m -> m.text() != null && m.text().contains("/promemoria/"), Duration.ofSeconds(20));
        assertThat(confirmation.text()).doesNotContain("{0}");
        Matcher link = linkIn(confirmation);
        String path = link.group(1);
        String token = link.group(2);

        // a mail scanner, or the resident in a fresh browser, opens the link: nothing is confirmed by that
        WebClient fresh = new WebClient(port);
        HttpResponse<String> opened = fresh.get(path);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("lang=\"ar\"", "action=\"/promemoria/" + token + "/conferma\"");
        assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(fresh.get("/promemoria/" + token + "/cancella").statusCode()).isGreaterThanOrEqualTo(400);
        // (only the reminding: a scheduled run that far ahead would also drop the unconfirmed sign-up)
        // (other tests' confirmed sign-ups share this application, so the row is checked, not the count sent)
        on(expiry.minusDays(90)).remind(expiry.minusDays(90));
        assertThat(lastReminder(email)).as("nothing goes to an address nobody confirmed").isNull();

        HttpResponse<String> confirmed = fresh.submit(path, "/promemoria/" + token + "/conferma", Map.of());
        assertThat(WebClient.location(confirmed)).isEqualTo("/promemoria/" + token + "?confermato");
        assertThat(fresh.get(WebClient.location(confirmed)).body()).contains("id=\"confirmed\"", "/appuntamenti");

        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int stage : List.of(90, 60, 30)) {
            LocalDate day = expiry.minusDays(stage);
            on(day.minusDays(1)).scheduled();
            assertThat(lastReminder(email)).as("the day before " + stage + " days").isEqualTo(stage == 90 ? null : stage + 30);
            on(day).scheduled();
            assertThat(lastReminder(email)).as(stage + " days before").isEqualTo(stage);
            on(day).remind(day);
            assertThat(lastReminder(email)).as("the same stage only once").isEqualTo(stage);
            // in Arabic the day counts may come in Arabic-Indic digits: a reminder is told by its booking link
            ImapMailbox.Mail due = mailbox.await(m -> !seen.contains(m.messageId()) && m.text() != null
                    && m.text().contains("/appuntamenti?lang=ar"), Duration.ofSeconds(20));
            seen.add(due.messageId());
            assertThat(due.text()).doesNotContain("{0}", "{1}").contains(path);
        }
        on(expiry.minusDays(10)).remind(expiry.minusDays(10));
        assertThat(lastReminder(email)).as("after the last stage, nothing more").isEqualTo(30);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r").param("r", email).query(Integer.class).single())
                .as("the confirmation and three reminders, no more").isEqualTo(4);
        assertThat(mailbox.read()).hasSize(4);
        assertThat(fresh.get(path).body()).contains("<strong>");

        HttpResponse<String> gone = fresh.submit(path, "/promemoria/" + token + "/cancella", Map.of());
        assertThat(WebClient.location(gone)).isEqualTo("/promemoria/cancellato");
        assertThat(rows(email)).isZero();
        assertThat(fresh.get(path).statusCode()).as("the link is dead once unsubscribed").isEqualTo(404);
    }

    @Test
    void aLateSignUpGetsOnlyTheStageReachedAtOnceOnConfirming() {
        WebClient resident = new WebClient(port);
        String email = newAddress("late");
        LocalDate expiry = reminders.today().plusDays(45);
        assertThat(signUp(resident, form(email, "it", expiry)).statusCode()).isEqualTo(302);
        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        Matcher link = linkIn(mailbox.await(m -> m.text() != null && m.text().contains("/promemoria/"), Duration.ofSeconds(20)));
        resident.submit(link.group(1), "/promemoria/" + link.group(2) + "/conferma", Map.of());
        ImapMailbox.Mail due = mailbox.await(m -> m.subject() != null && m.subject().contains("45"), Duration.ofSeconds(20));
        assertThat(due.text()).contains("Chiedi il rinnovo subito");
        assertThat(lastReminder(email)).isEqualTo(60);
        reminders.remind(reminders.today());
        assertThat(lastReminder(email)).isEqualTo(60);
        assertThat(reminders.remind(expiry.minusDays(30))).isGreaterThanOrEqualTo(1);
        assertThat(lastReminder(email)).isEqualTo(30);
    }

    @Test
    void wrongFormsAreRefusedWithMessagesTiedToTheirFields() {
        WebClient resident = new WebClient(port);
        HttpResponse<String> empty = signUp(resident, Map.of("email", "", "expiry", "", "language", "it"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"form-errors\"", "href=\"#email\"", "href=\"#expiry\"", "href=\"#privacy\"",
                "id=\"email-error\"", "aria-invalid=\"true\"", "<title>Errore:");

        Map<String, String> past = form("past-at-example", "it", reminders.today().minusDays(3));
        HttpResponse<String> wrong = signUp(resident, past);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("value=\"past-at-example\"", "nome@esempio.it", "La data è già passata");

        HttpResponse<String> far = signUp(resident, form(newAddress("far"), "it", reminders.today().plusYears(30)));
        assertThat(far.body()).contains("troppo lontana");
        HttpResponse<String> language = signUp(resident, form(newAddress("lang"), "xx", reminders.today().plusDays(100)));
        assertThat(language.statusCode()).isEqualTo(422);
        assertThat(language.body()).contains("href=\"#language\"");

        HttpResponse<String> arabic = resident.submit("/promemoria?lang=ar", "/promemoria", Map.of("email", "x", "language", "ar"));
        assertThat(arabic.statusCode()).isEqualTo(422);
        assertThat(arabic.body()).contains("lang=\"ar\"", "dir=\"rtl\"");
        assertThat(resident.get("/promemoria/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
    }

    @Test
    void theOfficeSeesCountsButNoAddressAndThePrivacyRequestsCoverTheSignUps() {
        WebClient resident = new WebClient(port);
        String email = newAddress("count");
        assertThat(signUp(resident, form(email, "ur", reminders.today().plusDays(120))).statusCode()).isEqualTo(302);

        WebClient operator = new WebClient(port);
        TestStaff.login(operator, TestStaff.create(jdbc, passwords, "OPERATOR"));
        HttpResponse<String> counts = operator.get("/ufficio/pratiche/promemoria");
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(counts.body()).contains("In attesa di conferma").doesNotContain(email, "@example.org");
        assertThat(new WebClient(port).get("/ufficio/pratiche/promemoria").statusCode()).as("not for the public").isIn(302, 401, 403);

        assertThat(String.valueOf(privacy.export(email, "test").get("renewalReminders"))).contains(email, "ur");
        privacy.erase(email, "test");
        assertThat(rows(email)).isZero();
    }

    @Test
    void unconfirmedSignUpsGoAfterAWeekAndEveryOneSixMonthsAfterTheExpiry() {
        String unconfirmed = newAddress("old");
        String expired = newAddress("expired");
        LocalDate today = reminders.today();
        jdbc.sql("INSERT INTO practices_renewal_reminder (token, email, language, expires_on, created_at) VALUES "
                + "(:t1, :e1, 'it', :x1, now() - interval '8 days'), (:t2, :e2, 'it', :x2, now() - interval '1 year')")
                .param("t1", "old" + System.nanoTime()).param("e1", unconfirmed).param("x1", today.plusDays(300))
                .param("t2", "exp" + System.nanoTime()).param("e2", expired).param("x2", today.minusMonths(7))
                .update();
        jdbc.sql("UPDATE practices_renewal_reminder SET confirmed_at = now() - interval '1 year' WHERE email = :e").param("e", expired).update();
        String kept = newAddress("kept");
        assertThat(signUp(new WebClient(port), form(kept, "it", today.plusDays(300))).statusCode()).isEqualTo(302);

        assertThat(reminders.purge(today)).isGreaterThanOrEqualTo(2);
        assertThat(rows(unconfirmed)).isZero();
        assertThat(rows(expired)).isZero();
        assertThat(rows(kept)).isEqualTo(1);
    }

    @Test
    void oneDeviceCannotSignUpAddressesWithoutEnd() {
        WebClient flooder = new WebClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(signUp(flooder, form(newAddress("flood"), "it", reminders.today().plusDays(100))).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = signUp(flooder, form(newAddress("flood"), "it", reminders.today().plusDays(100)));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Riprova tra un");
        assertThat(signUp(new WebClient(port), form(newAddress("other"), "it", reminders.today().plusDays(100))).statusCode())
                .as("another device still can").isEqualTo(302);
    }

    @Test
    void theStageIsTheSmallestOfNinetySixtyThirtyNotBelowTheDaysLeft() {
        assertThat(RenewalReminders.stage(91)).isEmpty();
        assertThat(RenewalReminders.stage(90)).contains(90);
        assertThat(RenewalReminders.stage(61)).contains(90);
        assertThat(RenewalReminders.stage(60)).contains(60);
        assertThat(RenewalReminders.stage(31)).contains(60);
        assertThat(RenewalReminders.stage(30)).contains(30);
        assertThat(RenewalReminders.stage(0)).contains(30);
        assertThat(RenewalReminders.stage(-1)).isEmpty();
    }
}
