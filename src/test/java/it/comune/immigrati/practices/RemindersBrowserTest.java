package it.comune.immigrati.practices;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.Slow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident asks for renewal reminders on a phone and a desktop, in Italian, Arabic and Urdu: sends the
 * form empty, fills it in, opens the link of the confirmation e-mail in a fresh browser, confirms, and
 * on the desktop stops the reminders. After each step: the error pattern, axe-core, nothing sticking out
 * sideways, the right direction; screenshots in target/screenshots (reminders-*).
 */
@AciTest
@Slow
class RemindersBrowserTest extends BrowserTestBase {

    private static final Map<String, String> ERROR_PREFIX = Map.of("it", "Errore:", "ar", "خطأ:", "ur", "خرابی:");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/promemoria/[A-Za-z0-9_-]{22}\\?lang=[a-z]+)");

    @Autowired
    EmbeddedMailServer mailServer;

    @Test
    void aResidentSignsUpConfirmsFromTheEmailAndStops() {
        StringBuilder problems = new StringBuilder();
        String expiry = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(200).toString();
        for (String language : List.of("it", "ar", "ur")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                String at = language + "-" + width;
                String email = "reminder-" + at + "-" + System.nanoTime() + "@example.org";

                browser.get(url("/promemoria?lang=" + language));
                check(problems, "form " + at);
                String direction = browser.findElement(By.tagName("html")).getAttribute("dir");
                if (!direction.equals("it".equals(language) ? "ltr" : "rtl")) {
                    problems.append(at).append(": the page is ").append(direction).append('\n');
                }
                submit();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
                Browser.errorPatternProblems(browser, ERROR_PREFIX.get(language), List.of("email", "expiry", "privacy"))
                        .forEach(p -> problems.append("empty ").append(at).append(": ").append(p).append('\n'));
                check(problems, "empty " + at);

                browser.findElement(By.id("email")).sendKeys(email);
                // the date picker differs on every phone; the value is what any of them sends
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("expiry")), expiry);
                // the keyboard, as a person without a mouse ticks it (the label holds the link to the privacy page)
                browser.findElement(By.id("privacy")).sendKeys(org.openqa.selenium.Keys.SPACE);
                assertThat(browser.findElement(By.id("privacy")).isSelected()).as(at).isTrue();
                submit();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/promemoria/inviato"));
                check(problems, "sent " + at);

                ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), email)
                        .await(m -> m.text() != null && LINK.matcher(m.text()).find(), Duration.ofSeconds(20));
                Matcher link = LINK.matcher(mail.text());
                assertThat(link.find()).isTrue();
                browser.manage().deleteAllCookies();
                browser.get(url(link.group(1)));
                check(problems, "link " + at);
                click("confirm");
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
                check(problems, "confirmed " + at);
                if (width == 1366) {
                    click("unsubscribe");
                    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/promemoria/cancellato"));
                    check(problems, "gone " + at);
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
        assertThat(problems.toString()).isEmpty();
    }

    private void click(String id) {
        WebElement button = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void submit() {
        WebElement button = browser.findElement(By.cssSelector("form.aci-form button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void check(StringBuilder problems, String what) {
        Browser.pageProblems(browser, what).forEach(p -> problems.append(p).append('\n'));
        Browser.fullPageScreenshot(browser, "reminders-" + what.replace(' ', '-'));
    }
}
