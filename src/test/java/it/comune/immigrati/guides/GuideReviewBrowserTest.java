package it.comune.immigrati.guides;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' everyday pages as a supervisor sees them, on a phone and a desktop, in Italian and in
 * Arabic: the staff home with what waits for them, the list of texts to approve, a stale translation with
 * what changed in the Italian, the audit log; and the resident's page of that stale translation. Each must
 * be axe-clean, fit the screen and show its parts; screenshots in target/screenshots.
 */
@AciTest
@Slow
class GuideReviewBrowserTest extends BrowserTestBase {

    @Test
    void theReviewersPagesReadWellOnAPhoneAndADesktop() {
        TestStaff.Account author = TestStaff.create(jdbc, passwords, "EDITOR");
        TestStaff.Account lead = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        // another one looks: a code of the authenticator is accepted once, and the lead's was just used
        TestStaff.Account viewer = TestStaff.create(jdbc, passwords, "ADMIN", "SUPERVISOR", "EDITOR");
        WebClient editor = loggedIn(author);
        WebClient supervisor = loggedIn(lead);
        String slug = "revisione-" + System.nanoTime();
        String editorPage = WebClient.location(editor.submit("/ufficio/guide", "/ufficio/guide",
                Map.of("slug", slug, "topic", "lavoro", "title", "Lavoro stagionale")));
        String spanish = editorPage.substring(0, editorPage.length() - 3) + "/es";
        save(editor, editorPage, "Lavoro stagionale", "## Come fare\n\nChiedi il nulla osta.\n\nPoi firma il contratto.");
        editor.submit(editorPage, editorPage + "/invia", Map.of());
        supervisor.submit(editorPage, editorPage + "/approva", Map.of());
        save(editor, spanish, "Trabajo de temporada", "## Cómo hacerlo\n\nPide el nulla osta.\n\nLuego firma el contrato.");
        editor.submit(spanish, spanish + "/invia", Map.of());
        supervisor.submit(spanish, spanish + "/approva", Map.of());
        // the Italian changes: Spanish goes stale; the new Italian waits for the supervisor's approval
        save(editor, editorPage, "Lavoro stagionale", "## Come fare\n\nChiedi il nulla osta allo Sportello unico.\n\nPoi firma il contratto.");
        editor.submit(editorPage, editorPage + "/invia", Map.of());
        supervisor.submit(editorPage, editorPage + "/approva", Map.of());
        save(editor, editorPage, "Lavoro stagionale", "## Come fare\n\nChiedi il nulla osta allo Sportello unico di Varese.\n\nPoi firma il contratto.");
        editor.submit(editorPage, editorPage + "/invia", Map.of());

        Browser.signIn(browser, port, viewer);
        StringBuilder problems = new StringBuilder();
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                String at = language + "-" + width;
                look(problems, "/ufficio?lang=" + language, "home-" + at, By.cssSelector("a[href='/ufficio/guide/da-approvare']"));
                look(problems, "/ufficio/guide/da-approvare?lang=" + language, "to-approve-" + at,
                        By.cssSelector("[data-slug='" + slug + "']"));
                look(problems, spanish + "?lang=" + language, "italian-changes-" + at, By.id("italian-changes"));
                look(problems, "/ufficio/audit?lang=" + language, "audit-" + at, By.tagName("table"));
            }
        }
        browser.manage().deleteAllCookies();
        for (String language : List.of("es", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                look(problems, "/guide/" + slug + "?lang=" + language, "stale-" + language + "-" + width,
                        "es".equals(language) ? By.id("stale") : By.id("fallback"));
            }
        }
        assertThat(problems.toString()).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void look(StringBuilder problems, String path, String name, By expected) {
        browser.get(url(path));
        if (browser.findElements(expected).isEmpty()) {
            problems.append(name).append(": ").append(expected).append(" not on the page\n");
        }
        Browser.sidewaysOverflow(browser).forEach(p -> problems.append(name).append(": sideways ").append(p).append('\n'));
        // a user name or a date broken over lines ('t-rossi-' / '2') reads as two things, in Arabic backwards
        Object broken = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                    return new Set([...r.getClientRects()].map(box => Math.round(box.top))).size; };
                return [...document.querySelectorAll('.aci-who, .aci-when')].filter(e => lines(e) > 1)
                    .map(e => e.textContent.trim()).slice(0, 5).join(' | ');""");
        if (!"".equals(broken)) {
            problems.append(name).append(": broken over lines: ").append(broken).append('\n');
        }
        Object apart = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('input[type=radio]')].filter(input => {
                    const label = document.querySelector('label[for="' + input.id + '"]');
                    if (!label) return false;
                    const a = input.getBoundingClientRect(), b = label.getBoundingClientRect();
                    return a.bottom < b.top || b.bottom < a.top; }).map(input => input.id).join(' ');""");
        if (!"".equals(apart)) {
            problems.append(name).append(": a choice on another line than its words: ").append(apart).append('\n');
        }
        String violations = Browser.accessibilityViolations(browser);
        if (!violations.isEmpty()) {
            problems.append(name).append(": ").append(violations).append('\n');
        }
        Browser.screenshot(browser, "review-" + name);
    }

    private WebClient loggedIn(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        TestStaff.login(client, account);
        return client;
    }

    private static void save(WebClient client, String editorPage, String title, String body) {
        HttpResponse<String> saved = client.submit(editorPage, editorPage,
                Map.of("title", title, "summary", "In breve.", "body", body, "fonti", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }
}
