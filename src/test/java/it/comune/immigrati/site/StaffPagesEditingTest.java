package it.comune.immigrati.site;

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

import static org.assertj.core.api.Assertions.assertThat;

/** An editor updates the accessibility statement; visitors see it at once, and script never reaches them. */
@AciTest
class StaffPagesEditingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEditorChangesTheAccessibilityStatementInEnglish() {
        TestStaff.Account editor = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, editor);
        assertThat(browser.get("/ufficio/pagine").body()).contains("/ufficio/pagine/accessibilita/en");

        HttpResponse<String> saved = browser.submit("/ufficio/pagine/accessibilita/en", "/ufficio/pagine/accessibilita/en",
                Map.of("title", "Accessibility statement", "body",
                        "## Feedback\nWrite to us. <script>alert(1)</script> [link](javascript:alert(2))"));
        assertThat(saved.statusCode()).isEqualTo(302);

        WebClient visitor = new WebClient(port);
        visitor.get("/?lang=en");
        String page = visitor.get("/accessibilita").body();
        assertThat(page).contains("<h1>Accessibility statement</h1>", "<h2>Feedback</h2>", "Write to us.")
                .doesNotContain("<script>alert", "javascript:");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = 'site-page.update'")
                .param("a", editor.username()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyTitleIsRefusedWithAMessage() {
        TestStaff.Account editor = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, editor);
        HttpResponse<String> refused = browser.submit("/ufficio/pagine/privacy/it", "/ufficio/pagine/privacy/it",
                Map.of("title", " ", "body", "testo"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Il titolo è obbligatorio");
    }
}
