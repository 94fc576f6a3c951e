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
}
