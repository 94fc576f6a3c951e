package it.comune.immigrati.appointments;

import java.time.Duration;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor's settings in Chromium, in Italian and in Arabic, on a phone and a desktop: the list, a
 * service refused and saved, an office whose new hours leave a booking outside, each page checked with
 * axe-core and for sideways scrolling.
 */
@AciTest
@Slow
class SettingsBrowserTest extends BrowserTestBase {

    private void check(String name) {
        assertThat(Browser.accessibilityViolations(browser)).as(name).isEmpty();
        assertThat(Browser.sidewaysOverflow(browser)).as(name).isEmpty();
        Browser.fullPageScreenshot(browser, name);
    }

    @Test
    void aSupervisorSetsAServiceAndTheHoursAndSeesTheBookingsLeftOutside() {
        TestDesk desk = TestDesk.create(jdbc, 1, false);
        BookingTest.book(new WebClient(port), desk, "settings" + System.nanoTime() + "@example.org", "ar");
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        for (String lang : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                String name = "settings-" + lang + "-" + width;
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/ufficio/appuntamenti/servizi?lang=" + lang));
                check(name + "-1-list");
                browser.findElement(By.cssSelector("#services a[href$='/servizio/" + desk.service() + "']")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("duration")));
                browser.findElement(By.id("duration")).clear();
                browser.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
                assertThat(browser.findElements(By.cssSelector("#form-errors a[href='#duration']"))).hasSize(1);
                check(name + "-2-service-refused");
                browser.findElement(By.id("duration")).sendKeys("30");
                browser.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
                check(name + "-3-service-saved");

                browser.get(url("/ufficio/appuntamenti/servizi/ufficio/" + desk.office() + "?lang=" + lang));
                for (int day = 1; day <= 7; day++) {
                    browser.findElement(By.id("hours-" + day)).clear();
                    browser.findElement(By.id("hours-" + day)).sendKeys("09:00-12:00");
                }
                browser.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("affected")));
                check(name + "-4-office-affected");
            }
        }
    }

    private void languageMenu(String name) {
        browser.findElement(By.cssSelector("details.aci-lang > summary")).click();
        assertThat(browser.findElement(By.cssSelector("details.aci-lang")).getAttribute("open")).isNotNull();
        check(name);
        browser.findElement(By.cssSelector("details.aci-lang > summary")).click();
    }

    private void submit(By button, By expected) {
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(expected));
    }

    @Test
    void absencesWalkInsAndOnePersonsAgendaAsTheOfficeUsesThem() {
        TestDesk desk = TestDesk.create(jdbc, 2, false);
        TestStaff.Account giver = TestStaff.create(jdbc, passwords, "OPERATOR");
        jdbc.sql("INSERT INTO appointment_service_staff (service_id, username) VALUES (:s, :u)").param("s", desk.serviceId())
                .param("u", giver.username()).update();
        String token = BookingTest.book(new WebClient(port), desk, "absence" + System.nanoTime() + "@example.org", "ar");
        String day = jdbc.sql("SELECT (lower(during) AT TIME ZONE 'Europe/Rome')::date::text FROM appointment WHERE access_token = :t")
                .param("t", token).query(String.class).single();
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        for (String lang : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                String name = "staffing-" + lang + "-" + width;
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/ufficio/appuntamenti/servizi?lang=" + lang));
                languageMenu(name + "-1-settings-language-menu");
                // an absence sent empty: the summary links to the person's field, axe finds nothing
                submit(By.cssSelector("#add-absence button[type=submit]"), By.id("form-errors"));
                assertThat(browser.findElements(By.cssSelector("#form-errors a[href='#absence-person']"))).hasSize(1);
                assertThat(browser.getTitle()).startsWith(lang.equals("it") ? "Errore:" : "خطأ:");
                check(name + "-2-absence-refused");
                browser.findElement(By.cssSelector("#new-office > summary")).click();
                check(name + "-3-new-office-open");

                browser.get(url("/ufficio/appuntamenti?ufficio=" + desk.office() + "&lang=" + lang));
                browser.findElement(By.cssSelector("#walk-in > summary")).click();
                check(name + "-4-agenda-walk-in-open");
                browser.get(url("/ufficio/appuntamenti?persona=" + giver.username() + "&giorno=" + day + "&lang=" + lang));
                assertThat(browser.findElement(By.id("agenda")).getText()).contains("Test " + giver.username());
                check(name + "-5-person-agenda");
            }
        }
        // the absence, entered as a supervisor would: the booking nobody can take over is listed, the resident told
        browser.get(url("/ufficio/appuntamenti/servizi?lang=it"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("absence-person"))).selectByValue(giver.username());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('absence-from').value = arguments[0]", day);
        submit(By.cssSelector("#add-absence button[type=submit]"), By.id("uncovered"));
        assertThat(browser.findElement(By.id("uncovered")).getText()).contains(
                jdbc.sql("SELECT code FROM appointment WHERE access_token = :t").param("t", token).query(String.class).single());
        assertThat(browser.findElement(By.id("absences")).getText()).contains("Test " + giver.username());
        check("staffing-it-1366-6-absence-uncovered");

        // a walk-in recorded from the agenda: every desk is free now (the office is closed today for bookings)
        browser.get(url("/ufficio/appuntamenti?ufficio=" + desk.office() + "&lang=ar"));
        browser.findElement(By.cssSelector("#walk-in > summary")).click();
        submit(By.cssSelector("#walk-in button[type=submit]"), By.id("changed"));
        assertThat(browser.findElement(By.id("agenda")).getText()).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#agenda .aci-walk-in"))).isNotEmpty();
        check("staffing-ar-1366-7-walk-in-recorded");
    }
}
