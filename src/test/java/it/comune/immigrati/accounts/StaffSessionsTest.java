package it.comune.immigrati.accounts;

import java.net.http.HttpResponse;
import java.time.Duration;
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
 * A staff session holds the roles of its sign-in: when an administrator takes them away, or the session
 * grows older than its absolute lifetime, the session must end, not wait for the member to sign out.
 */
@AciTest
class StaffSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void disablingAnAccountEndsItsOpenSessions() {
        TestStaff.Account leaving = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient member = new WebClient(port);
        TestStaff.login(member, leaving);
        WebClient otherDevice = new WebClient(port);
        secondSignInWithinThirtySeconds(leaving);
        TestStaff.login(otherDevice, leaving);
        assertThat(member.get("/ufficio").statusCode()).isEqualTo(200);

        HttpResponse<String> save = asAdmin().submit(editPage(leaving), editPage(leaving),
                Map.of("displayName", "Test", "email", leaving.username() + "@test.local", "roles", "OPERATOR",
                        "languages", "it", "_enabled", "on"));
        assertThat(save.statusCode()).isEqualTo(302);

        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
        assertThat(WebClient.location(otherDevice.get("/ufficio"))).as("every session of the member").isEqualTo("/login");
    }

    @Test
    void resettingTheSecondFactorEndsTheOpenSessions() {
        TestStaff.Account lostPhone = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient member = new WebClient(port);
        TestStaff.login(member, lostPhone);
        assertThat(member.get("/ufficio").statusCode()).isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM staff_user WHERE username = :u").param("u", lostPhone.username())
                .query(Long.class).single();

        HttpResponse<String> reset = asAdmin().submit("/ufficio/utenti/" + id, "/ufficio/utenti/" + id + "/azzera-totp", Map.of());
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
    }

    @Test
    void removingARoleEndsTheSessionThatHeldIt() {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR", "OPERATOR");
        WebClient member = new WebClient(port);
        TestStaff.login(member, supervisor);
        assertThat(member.get("/ufficio/posta-in-arrivo").statusCode()).isEqualTo(200);

        HttpResponse<String> save = asAdmin().submit(editPage(supervisor), editPage(supervisor),
                Map.of("displayName", "Test", "email", supervisor.username() + "@test.local", "roles", "OPERATOR",
                        "languages", "it", "enabled", "true", "_enabled", "on"));
        assertThat(save.statusCode()).isEqualTo(302);

        HttpResponse<String> supervisorPage = member.get("/ufficio/posta-in-arrivo");
        assertThat(supervisorPage.statusCode()).as("no supervisor page any more").isEqualTo(302);
        assertThat(WebClient.location(supervisorPage)).isEqualTo("/login");
        secondSignInWithinThirtySeconds(supervisor);
        TestStaff.login(member, supervisor);
        assertThat(member.get("/ufficio/posta-in-arrivo").statusCode()).as("signed in again: the new roles")
                .isEqualTo(403);
        assertThat(member.get("/ufficio").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionOlderThanItsAbsoluteLifetimeEndsEvenWhileInUse() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient member = new WebClient(port);
        TestStaff.login(member, operator);
        assertThat(member.get("/ufficio").statusCode()).isEqualTo(200);

        // the session was created 12 h and a minute ago and used a moment ago: never idle, but too old
        int moved = jdbc.sql("UPDATE spring_session SET creation_time = creation_time - :age WHERE principal_name = :u")
                .param("age", Duration.ofHours(12).plusMinutes(1).toMillis()).param("u", operator.username()).update();
        assertThat(moved).isEqualTo(1);

        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
                .param("u", operator.username()).query(Long.class).single()).as("the old session is gone").isZero();
        secondSignInWithinThirtySeconds(operator);
        TestStaff.login(member, operator);
        assertThat(member.get("/ufficio").statusCode()).as("a new session works").isEqualTo(200);
    }

    /** A TOTP code works once: the authenticator's next code, which a test cannot wait 30 s for. */
    private void secondSignInWithinThirtySeconds(TestStaff.Account account) {
        jdbc.sql("UPDATE staff_user SET totp_last_step = 0 WHERE username = :u").param("u", account.username()).update();
    }

    private WebClient asAdmin() {
        WebClient admin = new WebClient(port);
        TestStaff.login(admin, TestStaff.create(jdbc, passwords, "ADMIN"));
        return admin;
    }

    private String editPage(TestStaff.Account account) {
        return "/ufficio/utenti/" + jdbc.sql("SELECT id FROM staff_user WHERE username = :u")
                .param("u", account.username()).query(Long.class).single();
    }
}
