package it.comune.immigrati.appointments;

import java.time.Duration;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking in Chromium as a resident on a phone and on a desktop, in Italian and in Arabic: every
 * step, a refused submit, the private page and the cancellation, each page checked with axe-core and
 * for sideways scrolling; then the office's agenda, with its waiting line.
 */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class BookingBrowserTest extends BrowserTestBase {

    private void check(String name) {
        assertThat(Browser.accessibilityViolations(browser)).as(name).isEmpty();
        assertThat(Browser.sidewaysOverflow(browser)).as(name).isEmpty();
        Browser.fullPageScreenshot(browser, name);
    }

    private void submitAndWait(By button, String urlPart) {
        String before = browser.getCurrentUrl();
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before)
                || !d.findElements(By.id("form-errors")).isEmpty());
        if (urlPart != null) {
            // on a refusal, say what the page told the resident
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> browser.findElements(By.cssSelector("[role=alert], .alert"))
                    .stream().map(e -> e.getText()).toList().toString()).until(ExpectedConditions.urlContains(urlPart));
        }
    }

    @Test
    void aResidentBooksAndCancelsOnAPhoneAndOnADesktopInItalianAndArabic() {
        for (String lang : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                TestDesk desk = TestDesk.create(jdbc, 1, false);
                String name = "booking-" + lang + "-" + width;
                browser.manage().deleteAllCookies();
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/appuntamenti?lang=" + lang));
                assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
                check(name + "-1-services");
                browser.findElement(By.cssSelector("a[href='/appuntamenti/servizio/" + desk.service() + "']")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("slots")));
                check(name + "-3-slots");
                // the language menu opened over the booking page
                browser.findElement(By.cssSelector("details.aci-lang > summary")).click();
                assertThat(browser.findElement(By.cssSelector("details.aci-lang")).getAttribute("open")).isNotNull();
                check(name + "-3-slots-language-menu");
                browser.findElement(By.cssSelector("details.aci-lang > summary")).click();

                // "continue" without a time: told, in the summary, linked to the first time
                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), null);
                assertThat(browser.findElements(By.cssSelector("#form-errors a[href='#slot-0']"))).hasSize(1);
                check(name + "-3-slots-refused");

                browser.findElement(By.cssSelector("label[for=slot-0]")).click();
                // the page script solves the proof of work in a worker while the resident chooses
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(d -> !d.findElement(By.name("altcha")).getDomProperty("value").isEmpty());
                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), "/appuntamenti/prenotazione/");
                assertThat(browser.findElement(By.id("held")).getText()).isNotBlank();
                check(name + "-4-details");

                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), null);
                assertThat(Browser.errorPatternProblems(browser, "ar".equals(lang) ? "خطأ" : "Errore:",
                        List.of("email", "privacy"))).as(name).isEmpty();
                check(name + "-4-details-refused");

                browser.findElement(By.id("email")).sendKeys("browser" + System.nanoTime() + "@example.org");
                // the keyboard, as a person without a mouse ticks them (the privacy label holds a link)
                browser.findElement(By.id("privacy")).sendKeys(org.openqa.selenium.Keys.SPACE);
                browser.findElement(By.id("mediator")).sendKeys(org.openqa.selenium.Keys.SPACE);
                assertThat(browser.findElement(By.id("privacy")).isSelected()).isTrue();
                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), "/riepilogo");
                check(name + "-5-summary");

                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), "/appuntamenti/mia/");
                assertThat(browser.findElement(By.id("booked")).getText()).containsPattern("A-\\d{4}-\\d{6}");
                check(name + "-6-booked");

                // another time: the last of the next free ones
                browser.findElement(By.id("move")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sposta"));
                check(name + "-6-move");
                List<org.openqa.selenium.WebElement> times = browser.findElements(By.cssSelector("input[name=inizio]"));
                browser.findElement(By.cssSelector("label[for=" + times.get(times.size() - 1).getAttribute("id") + "]")).click();
                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), "?spostato");
                assertThat(browser.findElement(By.id("moved")).getText()).isNotBlank();
                check(name + "-6-moved");

                browser.findElement(By.id("cancel")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/disdici"));
                check(name + "-7-cancel");
                submitAndWait(By.cssSelector("form.aci-form button[type=submit]"), "?disdetto");
                assertThat(browser.findElement(By.id("cancelled")).isDisplayed()).isTrue();
                check(name + "-8-cancelled");
            }
        }
    }

    @Test
    void aGuideAboutTheProcedureOpensTheBookingAtItsService() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(url("/guide/ricongiungimento-familiare?lang=ar"));
        check("guide-booking-button-ar-390");
        browser.findElement(By.cssSelector(".aci-page-actions a[href='/appuntamenti/servizio/" + desk.service() + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(desk.slotsPath()));
        assertThat(browser.findElements(By.cssSelector("input[name=inizio]"))).isNotEmpty();
    }

    @Test
    void theOfficeReadsTheDaysAgendaWithWhoNeedsAMediator() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        // Bengali: no colleague speaks it, so the agenda says a mediator is still needed
        BookingTest.book(new it.comune.immigrati.testing.WebClient(port), desk, "agenda" + System.nanoTime() + "@example.org", "bn");
        String day = jdbc.sql("SELECT (lower(during) AT TIME ZONE 'Europe/Rome')::date::text FROM appointment WHERE office_id = :o")
                .param("o", desk.officeId()).query(String.class).single();
        // and someone in line for a later day (the resident's own page is the waiting list's tests')
        jdbc.sql("""
                INSERT INTO appointment_waiting (access_token, service_id, office_id, from_day, to_day, email, language, needs_mediator, status)
                VALUES (:t, :s, :o, current_date + 20, current_date + 30, :e, 'ar', true, 'WAITING')
                """).param("t", Long.toString(System.nanoTime(), 36)).param("s", desk.serviceId()).param("o", desk.officeId())
                .param("e", "line" + System.nanoTime() + "@example.org").update();
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, operator);
        for (String lang : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/ufficio/appuntamenti?ufficio=" + desk.office() + "&giorno=" + day + "&lang=" + lang));
                assertThat(browser.findElement(By.id("agenda")).getText()).containsPattern("A-\\d{4}-\\d{6}");
                assertThat(browser.findElements(By.id("mediators-needed"))).hasSize(1);
                assertThat(browser.findElement(By.cssSelector("#waiting-line tbody")).getText()).contains("1");
                check("agenda-" + lang + "-" + width);
                // the office moves it: the same choice of times, in the staff area
                // a person scrolls the table sideways to its actions column (in Arabic it is on the left)
                org.openqa.selenium.WebElement move = browser.findElement(By.cssSelector("#agenda a[href$='/sposta']"));
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", move);
                move.click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("slots")));
                check("agenda-move-" + lang + "-" + width);
                // booking for someone on the phone: the service, then the times
                browser.get(url("/ufficio/appuntamenti/nuovo?lang=" + lang));
                browser.findElement(By.cssSelector("#services a[href='/ufficio/appuntamenti/nuovo/" + desk.service() + "/"
                        + desk.office() + "']")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("slots")));
                check("agenda-on-behalf-" + lang + "-" + width);
            }
        }
    }
}
