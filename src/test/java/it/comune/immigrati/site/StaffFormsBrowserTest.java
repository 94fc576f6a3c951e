package it.comune.immigrati.site;

import java.time.Duration;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's forms follow the same error pattern as the residents' (issue 12, point 6): an administrator
 * inviting a colleague, an editor saving a guide without a title or creating one without an address, an
 * operator saving an empty note, each sent empty as a first-time user does, on a phone and a desktop, in
 * Italian and in Arabic; axe-core after each failed submit; screenshots in target/screenshots.
 */
@AciTest
@Slow
class StaffFormsBrowserTest extends BrowserTestBase {

    @Test
    void staffFormsSentEmptyAreExplainedFieldByField() {
        String email = "staff-forms-" + System.nanoTime() + "@example.org";
        Residents.ask(new WebClient(port), Residents.question(email, "it", "Come rinnovo il permesso di soggiorno?"), List.of());
        String code = jdbc.sql("SELECT code FROM question WHERE email = :e").param("e", email).query(String.class).single();
        long guide = jdbc.sql("SELECT id FROM guide WHERE slug = 'corsi-di-italiano-cpia'").query(Long.class).single();
        TestStaff.Account lead = TestStaff.create(jdbc, passwords, "ADMIN", "SUPERVISOR", "EDITOR");
        Browser.signIn(browser, port, lead);

        StringBuilder problems = new StringBuilder();
        for (String language : List.of("it", "ar")) {
            String prefix = "ar".equals(language) ? "خطأ:" : "Errore:";
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1600));
                String at = language + "-" + width;

                open("/ufficio/utenti?lang=" + language);
                submit(By.cssSelector("form[action='/ufficio/utenti'] button[type=submit]"));
                check(problems, "invite " + at, prefix, List.of("username", "displayName", "email", "role-ADMIN"));

                open("/ufficio/guide/" + guide + "/it?lang=" + language);
                browser.findElement(By.id("title")).clear();
                submit(By.id("save"));
                check(problems, "guide editor " + at, prefix, List.of("title"));

                open("/ufficio/guide?lang=" + language);
                submit(By.id("create-guide"));
                check(problems, "new guide " + at, prefix, List.of("new-slug"));

                open("/ufficio/quesiti/" + code + "?lang=" + language);
                submit(By.cssSelector("form[action$='/nota'] button[type=submit]"));
                check(problems, "note " + at, prefix, List.of("note"));
                // the resident's Italian inside the Arabic staff page reads left to right, its question mark at the end
                String direction = browser.findElement(By.cssSelector(".aci-thread .aci-message-body")).getCssValue("direction");
                if (!"ltr".equals(direction)) {
                    problems.append("note ").append(at).append(": the resident's Italian text runs ").append(direction).append('\n');
                }
            }
        }
        assertThat(problems.toString()).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private void submit(By button) {
        WebElement element = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
    }

    private void check(StringBuilder problems, String what, String prefix, List<String> fields) {
        Browser.errorPatternProblems(browser, prefix, fields).forEach(p -> problems.append(what).append(": ").append(p).append('\n'));
        Browser.pageProblems(browser, what).forEach(p -> problems.append(p).append('\n'));
        Browser.screenshot(browser, "staff-form-" + what.replace(' ', '-'));
    }
}
