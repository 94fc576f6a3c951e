package it.comune.immigrati.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers, CSRF, size limits and the staff area's door, on the running server. */
@AciTest
class SecurityBaselineTest {

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] { "/", "/login", "/non-esiste" }) {
            HttpResponse<String> response = new WebClient(port).get(path);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void pagesCarryNoInlineScript() {
        for (String path : new String[] { "/", "/login", "/privacy", "/accessibilita", "/note-legali" }) {
            String page = new WebClient(port).get(path).body();
            assertThat(page).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain(" onclick=", " style=\"");
        }
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        WebClient browser = new WebClient(port);
        HttpResponse<String> login = browser.post("/login", Map.of("username", "admin", "password", AciTest.ADMIN_PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("Accesso non consentito").doesNotContain("Exception");
        assertThat(browser.post("/ufficio/pagine/privacy/it", Map.of("title", "x", "body", "y")).statusCode()).isEqualTo(403);
    }

    @Test
    void theStaffAreaNeedsASignIn() {
        HttpResponse<String> staff = new WebClient(port).get("/ufficio");
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(staff)).isEqualTo("/login");
        assertThat(WebClient.location(new WebClient(port).get("/ufficio/utenti"))).isEqualTo("/login");
        assertThat(WebClient.location(new WebClient(port).get("/actuator/prometheus"))).isEqualTo("/login");
    }

    @Test
    void oversizeRequestsAreRefusedEarlyWithAClearStatus() throws Exception {
        byte[] body = new byte[40 * 1024 * 1024];
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/ufficio/pagine/privacy/it"))
                .header("Content-Type", "multipart/form-data; boundary=x").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void healthIsPublicAndUpWithDatabaseAndOutbox() {
        HttpResponse<String> health = new WebClient(port).get("/actuator/health", "Accept", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("postgres");
    }
}
