package it.comune.immigrati.questions;

import it.comune.immigrati.testing.Slow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter-evasion markup typed into every text field of the public forms stays text on every page and in
 * every e-mail that shows it. Checked in Chromium on the parsed document (not on the HTML source): no
 * element may carry an event-handler attribute, a {@code javascript:} address, an inline script or an
 * embedded frame, SVG or MathML, none of which our own pages use.
 */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class HostileInputBrowserTest {

    /** Evasion patterns of the kinds the OWASP XSS filter-evasion cheat sheet collects, written for this test. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.pwned=1</script>",
            "<img src=x onerror=window.pwned=2>",
            "\"><svg onload=window.pwned=3>",
            "'><iframe src=javascript:window.pwned=4>",
            "<a href=\"javascript:window.pwned=5\">link</a>",
            "<IMG SRC=JaVaScRiPt:window.pwned=6>",
            "<body onload=window.pwned=7>",
            "<details open ontoggle=window.pwned=8>",
            "javascript:/*--></title></style></textarea></script><svg/onload=window.pwned=9>",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=10>",
            "<input autofocus onfocus=window.pwned=11>",
            "<scr<script>ipt>window.pwned=12</scr</script>ipt>",
            "%3Cscript%3Ewindow.pwned=13%3C/script%3E",
            "<div style=\"background:url(javascript:window.pwned=14)\">");

    private static final String INSPECT = """
            const bad = [];
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                if (a.name.startsWith('on')) bad.push(el.tagName + '[' + a.name + ']');
                if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(a.name)
                    && /^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + '[' + a.name + '=javascript:]');
                if (a.name === 'style' && /url\\(/i.test(a.value)) bad.push(el.tagName + '[style]');
              }
            }
            document.querySelectorAll('script:not([src])').forEach(() => bad.push('inline script'));
            document.querySelectorAll('iframe, object, embed, svg, math').forEach(e => bad.push(e.tagName));
            if (window.pwned) bad.push('executed ' + window.pwned);
            return bad.join('; ');""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    WebDriver browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        browser.quit();
    }

    @Test
    void hostileMarkupInEveryPublicTextFieldStaysTextOnEveryPageAndEmail() throws Exception {
        String all = String.join("\n", PAYLOADS);
        String email = "hostile-" + System.nanoTime() + "@example.org";
        List<String> problems = new ArrayList<>();

        // the question form: name and text, first refused (no consent) so that the form shows them back
        WebClient resident = new WebClient(port);
        Map<String, String> fields = Residents.question(email, "it", "Domanda con markup ostile:\n" + all);
        fields.put("name", "<img src=x onerror=window.pwned=20>\"><svg onload=1>");
        fields.remove("privacy");
        String refused = Residents.ask(resident, fields, List.of()).body();
        problems.addAll(inspectHtml("refused form", refused));
        fields.put("privacy", "true");
        var sent = Residents.ask(resident, fields, List.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        String privatePage = WebClient.location(sent).replace("?inviata", "");
        problems.addAll(inspect("private page", url(privatePage)));

        // a follow-up message on the private page
        String token = privatePage.substring(privatePage.lastIndexOf('/') + 1);
        var followUp = resident.submitMultipart(privatePage, "/quesiti/stato/" + token + "/messaggio",
                Map.of("text", "Ancora: " + all), List.of());
        assertThat(followUp.statusCode()).isEqualTo(302);
        problems.addAll(inspect("private page with follow-up", url(privatePage)));

        // the confirmation e-mail, as a mail client would render its HTML part
        ImapMailbox.Mail confirmation = new ImapMailbox(mailServer.imapPort(), email)
                .await(m -> m.html() != null, Duration.ofSeconds(20));
        problems.addAll(inspect("confirmation e-mail", "data:text/html;base64,"
                + Base64.getEncoder().encodeToString(confirmation.html().getBytes(StandardCharsets.UTF_8))));

        // searches echo what was typed
        for (String path : List.of("/cerca?q=", "/faq?q=", "/cerca/suggerimenti?q=", "/guide?tema=")) {
            for (String payload : PAYLOADS) {
                problems.addAll(inspect(path, url(path + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8))));
            }
        }

        // the operator's pages show the question with its name and messages
        String code = jdbc.sql("SELECT code FROM question WHERE email = :email").param("email", email).query(String.class).single();
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        Browser.signIn(browser, port, operator);
        problems.addAll(inspect("inbox", url("/ufficio/quesiti?q=" + code)));
        problems.addAll(inspect("question page", url("/ufficio/quesiti/" + code)));
        browser.manage().deleteAllCookies();

        assertThat(problems).isEmpty();
    }

    private List<String> inspect(String what, String address) {
        browser.get(address);
        String found = (String) ((JavascriptExecutor) browser).executeScript(INSPECT);
        return found.isEmpty() ? List.of() : List.of(what + " (" + address.substring(0, Math.min(120, address.length())) + "): " + found);
    }

    private List<String> inspectHtml(String what, String html) {
        return inspect(what, "data:text/html;base64," + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
