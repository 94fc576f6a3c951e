package it.comune.immigrati.testing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts for tests, each new (so its TOTP codes are unused), signed in through the real
 * login pages: password, then the code an authenticator app would show.
 */
public final class TestStaff {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public record Account(String username, String password, String totpSecret) {
    }

    private TestStaff() {
    }

    public static Account create(JdbcClient jdbc, PasswordEncoder passwords, String... roles) {
        String username = "t" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
        String password = "password-di-prova-" + username;
        String secret = new DefaultSecretGenerator(32).generate();
        jdbc.sql("""
                INSERT INTO staff_user (username, display_name, email, password_hash, roles, languages, totp_secret)
                VALUES (:u, :n, :e, :h, :r, '{it}', :s)
                """).param("u", username).param("n", "Test " + username).param("e", username + "@test.local")
                .param("h", passwords.encode(password)).param("r", roles).param("s", secret).update();
        return new Account(username, password, secret);
    }

    /** The languages a member speaks (a new account speaks Italian): mediators see the questions in them. */
    public static void speaks(JdbcClient jdbc, Account account, String... languages) {
        jdbc.sql("UPDATE staff_user SET languages = :l WHERE username = :u").param("l", languages)
                .param("u", account.username()).update();
    }

    public static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** Signs in through /login and /login/totp; the client then holds a staff session. */
    public static void login(WebClient client, Account account) {
        HttpResponse<String> password = client.submit("/login", "/login",
                Map.of("username", account.username(), "password", account.password()));
        assertThat(password.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(password)).isEqualTo("/login/totp");
        HttpResponse<String> code = client.submit("/login/totp", "/login/totp",
                Map.of("code", code(account.totpSecret(), currentStep())));
        assertThat(code.statusCode()).as("TOTP accepted").isEqualTo(302);
        assertThat(WebClient.location(code)).startsWith("/ufficio");
    }
}
