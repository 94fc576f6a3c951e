package it.comune.immigrati.accounts;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff accounts through the real pages: first admin, second factor, lockout, invitations, roles, audit. */
@AciTest
class StaffAccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    it.comune.immigrati.platform.AciProperties properties;

    /** Without ACI_ADMIN_EMAIL, the first administrator's mail goes to the office's own mailbox, not to a made-up one. */
    @Test
    void theFirstAdministratorHasTheOfficesAddress() {
        assertThat(jdbc.sql("SELECT email FROM staff_user WHERE username = 'admin'").query(String.class).single())
                .isEqualTo(properties.comune().email());
    }

    @Test
    void theFirstAdministratorEnrolsTheSecondFactorAndSignsIn() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> password = browser.submit("/login", "/login",
                Map.of("username", "admin", "password", AciTest.ADMIN_PASSWORD));
        assertThat(WebClient.location(password)).isEqualTo("/login/totp");
        assertThat(WebClient.location(browser.get("/ufficio"))).as("no staff page before the code").isEqualTo("/login/totp");

        HttpResponse<String> enrol = browser.browse("/login/totp");
        assertThat(enrol.body()).contains("data:image/png;base64,");
        String secret = value(enrol.body(), "id=\"totp-secret\" dir=\"ltr\">([A-Z2-7]+)<");

        HttpResponse<String> wrong = browser.submit("/login/totp/attiva", "/login/totp/attiva", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"totp-error\"");
        jdbc.sql("UPDATE staff_user SET failed_logins = 0 WHERE username = 'admin'").update();

        HttpResponse<String> right = browser.submit("/login/totp/attiva", "/login/totp/attiva",
                Map.of("code", TestStaff.code(secret, TestStaff.currentStep())));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(right)).isEqualTo("/ufficio");
        HttpResponse<String> home = browser.get("/ufficio");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Area ufficio", "/ufficio/utenti", "/ufficio/audit", "/ufficio/posta");
        assertThat(jdbc.sql("SELECT totp_secret FROM staff_user WHERE username = 'admin'").query(String.class).single())
                .isEqualTo(secret);
        assertThat(auditActions("admin")).contains("login.totp-enrolled");
    }

    @Test
    void aCodeWorksOnceAndAWrongCodeDoesNotOpenTheStaffArea() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient first = new WebClient(port);
        TestStaff.login(first, operator);

        WebClient second = new WebClient(port);
        second.submit("/login", "/login", Map.of("username", operator.username(), "password", operator.password()));
        long used = jdbc.sql("SELECT totp_last_step FROM staff_user WHERE username = :u")
                .param("u", operator.username()).query(Long.class).single();
        HttpResponse<String> replay = second.submit("/login/totp", "/login/totp",
                Map.of("code", TestStaff.code(operator.totpSecret(), used)));
        assertThat(replay.statusCode()).as("a code already used is refused").isEqualTo(422);
        HttpResponse<String> wrong = second.submit("/login/totp", "/login/totp", Map.of("code", "123456"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(WebClient.location(second.get("/ufficio"))).isEqualTo("/login/totp");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient attacker = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> attempt = attacker.submit("/login", "/login",
                    Map.of("username", operator.username(), "password", "sbagliata-" + i));
            assertThat(WebClient.location(attempt)).isEqualTo("/login?error");
        }
        HttpResponse<String> rightButLocked = attacker.submit("/login", "/login",
                Map.of("username", operator.username(), "password", operator.password()));
        assertThat(WebClient.location(rightButLocked)).isEqualTo("/login?error");
        assertThat(attacker.get("/login?error").body()).contains("temporaneamente bloccato");
        assertThat(auditActions(operator.username())).contains("login.failed-password", "login.refused-locked");
        assertThat(jdbc.sql("SELECT locked_until > now() FROM staff_user WHERE username = :u")
                .param("u", operator.username()).query(Boolean.class).single()).isTrue();
    }

    /** Password spraying: one client trying a common password on many accounts is stopped after 20 failures. */
    @Test
    void manyFailuresFromOneClientRefuseItWhateverTheAccount() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient sprayer = new WebClient(port);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> attempt = sprayer.submit("/login", "/login",
                    Map.of("username", "utente" + i + "-" + System.nanoTime(), "password", "Saronno2026!"));
            assertThat(WebClient.location(attempt)).isEqualTo("/login?error");
        }
        HttpResponse<String> right = sprayer.submit("/login", "/login",
                Map.of("username", operator.username(), "password", operator.password()));
        assertThat(WebClient.location(right)).as("this client is refused, even with the right password").isEqualTo("/login?error");
        assertThat(auditActions(operator.username())).contains("login.refused-client");
        String typo = "nome-sbagliato-" + System.nanoTime();
        sprayer.submit("/login", "/login", Map.of("username", typo, "password", "Saronno2026!"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :t OR record_id = :t OR details LIKE '%' || :t || '%'")
                .param("t", typo).query(Integer.class).single()).as("a name that is no account is not kept, refused or not").isZero();
        TestStaff.login(new WebClient(port), operator); // the account itself is not locked
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> unknown = browser.submit("/login", "/login", Map.of("username", "nessuno", "password", "x"));
        HttpResponse<String> wrong = browser.submit("/login", "/login", Map.of("username", "admin", "password", "x"));
        assertThat(WebClient.location(unknown)).isEqualTo(WebClient.location(wrong)).isEqualTo("/login?error");
        jdbc.sql("UPDATE staff_user SET failed_logins = 0 WHERE username = 'admin'").update();
    }

    @Test
    void anAdministratorInvitesAColleagueWhoSetsAPasswordFromTheEmail() throws Exception {
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        WebClient adminBrowser = new WebClient(port);
        TestStaff.login(adminBrowser, admin);
        String username = "n.colombo" + System.nanoTime() % 100000;
        String email = username + "@example.org";
        HttpResponse<String> invite = adminBrowser.submit("/ufficio/utenti", "/ufficio/utenti",
                Map.of("username", username, "displayName", "Nadia Colombo", "email", email, "roles", "MEDIATOR",
                        "languages", "ar"));
        assertThat(invite.statusCode()).isEqualTo(302);
        assertThat(adminBrowser.get("/ufficio/utenti").body()).contains(username, "Nadia Colombo", "invito in attesa");

        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), email)
                .await(m -> m.subject().contains("Invito"), Duration.ofSeconds(20));
        assertThat(mail.messageId()).matches("<[0-9a-f-]{36}@aci\\.local>");
        assertThat(mail.html()).contains("lang=\"it\"");
        String link = value(mail.text(), "(/invito/[A-Za-z0-9_-]{22})");

        WebClient colleague = new WebClient(port);
        HttpResponse<String> tooShort = colleague.submit(link, link, Map.of("password", "corta", "confirm", "corta"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("almeno 12 caratteri");
        String password = "una frase lunga e sicura";
        HttpResponse<String> set = colleague.submit(link, link, Map.of("password", password, "confirm", password));
        assertThat(WebClient.location(set)).isEqualTo("/login?invited");
        assertThat(colleague.get(link).statusCode()).as("the link works once").isEqualTo(404);

        HttpResponse<String> login = colleague.submit("/login", "/login", Map.of("username", username, "password", password));
        assertThat(WebClient.location(login)).isEqualTo("/login/totp");
        assertThat(WebClient.location(colleague.get("/login/totp"))).isEqualTo("/login/totp/attiva");
        assertThat(auditActions(admin.username())).contains("account.invite");
    }

    @Test
    void rolesDecideWhatAStaffMemberReaches() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, operator);
        assertThat(browser.get("/ufficio").statusCode()).isEqualTo(200);
        assertThat(browser.get("/ufficio").body()).doesNotContain("/ufficio/utenti");
        assertThat(browser.get("/ufficio/utenti").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ufficio/audit").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ufficio/pagine").statusCode()).isEqualTo(403);
        assertThat(browser.get("/actuator/prometheus").statusCode()).isEqualTo(403);

        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        WebClient adminBrowser = new WebClient(port);
        TestStaff.login(adminBrowser, admin);
        HttpResponse<String> metrics = adminBrowser.get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "aci_mail_sent");
    }

    @Test
    void anAdministratorDisablesAnAccountAndItCanNoLongerSignIn() {
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        TestStaff.Account leaving = TestStaff.create(jdbc, passwords, "OPERATOR");
        long id = jdbc.sql("SELECT id FROM staff_user WHERE username = :u").param("u", leaving.username())
                .query(Long.class).single();
        WebClient adminBrowser = new WebClient(port);
        TestStaff.login(adminBrowser, admin);
        HttpResponse<String> save = adminBrowser.submit("/ufficio/utenti/" + id, "/ufficio/utenti/" + id,
                Map.of("displayName", "Test", "email", leaving.username() + "@test.local", "roles", "OPERATOR",
                        "languages", "it", "_enabled", "on"));
        assertThat(save.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT enabled FROM staff_user WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isFalse();
        HttpResponse<String> login = new WebClient(port).submit("/login", "/login",
                Map.of("username", leaving.username(), "password", leaving.password()));
        assertThat(WebClient.location(login)).isEqualTo("/login?error");

        HttpResponse<String> audit = adminBrowser.get("/ufficio/audit?action=account.update");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains(leaving.username(), "account.update");
    }

    @Test
    void logoutEndsTheSession() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, operator);
        HttpResponse<String> logout = browser.submit("/ufficio", "/logout", Map.of());
        assertThat(WebClient.location(logout)).isEqualTo("/login?logout");
        assertThat(WebClient.location(browser.get("/ufficio"))).isEqualTo("/login");
    }

    private java.util.List<String> auditActions(String actorOrRecord) {
        return jdbc.sql("SELECT action FROM audit_log WHERE actor = :a OR record_id = :a ORDER BY id")
                .param("a", actorOrRecord).query(String.class).list();
    }

    private static String value(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in\n" + text).isTrue();
        return matcher.group(1);
    }
}
