package it.comune.immigrati.accounts;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A locked account opens nowhere: not by a code typed after the lock, not by how fast it answers. */
@AciTest
class LockedAccountTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aSessionPastThePasswordBeforeTheLockCannotFinishWithTheCode() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient member = new WebClient(port);
        passwordStep(member, operator);
        String csrf = WebClient.csrf(member.get("/login/totp").body()); // the code page is open

        lockByWrongPasswords(operator);

        HttpResponse<String> code = member.post("/login/totp",
                Map.of("code", TestStaff.code(operator.totpSecret(), TestStaff.currentStep()), "_csrf", csrf));
        assertThat(WebClient.location(code)).as("the right code, but the account is locked").isEqualTo("/login?error");
        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
        assertThat(auditActions(operator.username())).contains("login.refused-locked").doesNotContain("login");
    }

    @Test
    void aSessionPastThePasswordBeforeTheLockCannotEnrolTheSecondFactor() {
        TestStaff.Account newcomer = TestStaff.create(jdbc, passwords, "OPERATOR");
        jdbc.sql("UPDATE staff_user SET totp_secret = NULL WHERE username = :u").param("u", newcomer.username()).update();
        WebClient member = new WebClient(port);
        passwordStep(member, newcomer);
        String page = member.browse("/login/totp").body();
        Matcher secret = Pattern.compile("id=\"totp-secret\" dir=\"ltr\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();

        lockByWrongPasswords(newcomer);

        HttpResponse<String> enrol = member.post("/login/totp/attiva",
                Map.of("code", TestStaff.code(secret.group(1), TestStaff.currentStep()), "_csrf", WebClient.csrf(page)));
        assertThat(WebClient.location(enrol)).isEqualTo("/login?error");
        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT totp_secret FROM staff_user WHERE username = :u").param("u", newcomer.username())
                .query(String.class).optional()).as("nothing enrolled").isEmpty();
    }

    @Test
    void aDisabledAccountCannotFinishWithTheCode() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient member = new WebClient(port);
        passwordStep(member, operator);
        String csrf = WebClient.csrf(member.get("/login/totp").body());
        jdbc.sql("UPDATE staff_user SET enabled = false WHERE username = :u").param("u", operator.username()).update();

        HttpResponse<String> code = member.post("/login/totp",
                Map.of("code", TestStaff.code(operator.totpSecret(), TestStaff.currentStep()), "_csrf", csrf));
        assertThat(WebClient.location(code)).isEqualTo("/login?error");
        assertThat(WebClient.location(member.get("/ufficio"))).isEqualTo("/login");
    }

    /**
     * The password hash takes tens of milliseconds; a locked account that answered without it would tell
     * an attacker it is locked (and that the name exists). Medians of interleaved attempts, so a slow
     * moment of the machine weighs on both sides.
     */
    @Test
    void aLockedAccountAnswersAsSlowlyAsAWrongPassword() {
        TestStaff.Account locked = TestStaff.create(jdbc, passwords, "OPERATOR");
        TestStaff.Account unlocked = TestStaff.create(jdbc, passwords, "OPERATOR");
        jdbc.sql("UPDATE staff_user SET locked_until = now() + interval '1 hour' WHERE username = :u")
                .param("u", locked.username()).update();
        List<Long> lockedTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long lockedTime = timedWrongPassword(locked);
            long wrongTime = timedWrongPassword(unlocked);
            jdbc.sql("UPDATE staff_user SET failed_logins = 0 WHERE username = :u").param("u", unlocked.username()).update();
            if (i > 0) { // the first pair warms up
                lockedTimes.add(lockedTime);
                wrongTimes.add(wrongTime);
            }
        }
        long lockedMedian = median(lockedTimes);
        long wrongMedian = median(wrongTimes);
        assertThat(lockedMedian).as("locked %s µs vs wrong password %s µs", lockedTimes, wrongTimes)
                .isGreaterThanOrEqualTo(wrongMedian / 2);
    }

    /** One POST /login with a wrong password from a fresh client (no per-client limit), in microseconds. */
    private long timedWrongPassword(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        String csrf = WebClient.csrf(client.get("/login").body());
        long started = System.nanoTime();
        HttpResponse<String> answer = client.post("/login",
                Map.of("username", account.username(), "password", "sbagliata-di-prova", "_csrf", csrf));
        long micros = (System.nanoTime() - started) / 1000;
        assertThat(WebClient.location(answer)).isEqualTo("/login?error");
        return micros;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void passwordStep(WebClient client, TestStaff.Account account) {
        HttpResponse<String> password = client.submit("/login", "/login",
                Map.of("username", account.username(), "password", account.password()));
        assertThat(WebClient.location(password)).isEqualTo("/login/totp");
    }

    /** Someone else, from another client, tries passwords until the account locks. */
    private void lockByWrongPasswords(TestStaff.Account account) {
        WebClient attacker = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            attacker.submit("/login", "/login", Map.of("username", account.username(), "password", "sbagliata-" + i));
        }
        assertThat(jdbc.sql("SELECT locked_until > now() FROM staff_user WHERE username = :u")
                .param("u", account.username()).query(Boolean.class).single()).isTrue();
    }

    private List<String> auditActions(String username) {
        return jdbc.sql("SELECT action FROM audit_log WHERE record_id = :u ORDER BY id").param("u", username)
                .query(String.class).list();
    }
}
