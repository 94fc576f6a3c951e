package it.comune.immigrati.appointments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import it.comune.immigrati.appointments.TestDesk;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting list in Chromium as a resident on a phone and on a desktop, in Italian and in Arabic: no
 * free time, joining (a refused submit first), the offer when a time opens, and booking it; every page
 * checked with axe-core and for sideways scrolling.
 */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class WaitingListBrowserTest extends BrowserTestBase {

    @Autowired
    WaitingList waitingList;

    private void check(String name) {
        assertThat(Browser.accessibilityViolations(browser)).as(name).isEmpty();
        assertThat(Browser.sidewaysOverflow(browser)).as(name).isEmpty();
        Browser.fullPageScreenshot(browser, name);
    }

    private void submit(String urlPart) {
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before)
                || !d.findElements(By.id("form-errors")).isEmpty());
        if (urlPart != null) {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(urlPart));
        }
    }

    @Test
    void aResidentJoinsTheWaitingListAndBooksTheTimeOfferedOnAPhoneAndADesktopInItalianAndArabic() {
        for (String lang : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                TestDesk desk = TestDesk.full(jdbc);
                String name = "waiting-" + lang + "-" + width;
                browser.manage().deleteAllCookies();
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url(desk.slotsPath() + "?lang=" + lang));
                check(name + "-1-no-slots");
                browser.findElement(By.cssSelector("#waiting-list a")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/attesa"));
                check(name + "-2-join");

                browser.findElement(By.id("email")).clear();
                submit(null);
                assertThat(Browser.errorPatternProblems(browser, "ar".equals(lang) ? "خطأ" : "Errore:", List.of("email", "privacy")))
                        .as(name).isEmpty();
                check(name + "-2-join-refused");
                browser.findElement(By.id("email")).sendKeys("lista" + System.nanoTime() + "@example.org");
                browser.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
                submit("?iscritto");
                assertThat(browser.findElement(By.id("joined")).getText()).isNotBlank();
                check(name + "-3-joined");

                String token = browser.getCurrentUrl().replaceAll(".*/appuntamenti/attesa/([A-Za-z0-9_-]{22}).*", "$1");
                desk.openOneTime(jdbc);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    waitingList.offerTimes(Instant.now());
                    return "OFFERED".equals(jdbc.sql("SELECT status FROM appointment_waiting WHERE access_token = :t")
                            .param("t", token).query(String.class).single());
                });
                browser.navigate().refresh();
                assertThat(browser.findElement(By.id("offer")).getText()).contains("10:00");
                check(name + "-4-offer");
                browser.findElement(By.id("accept")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("?prenotato"));
                assertThat(browser.findElement(By.id("booked")).getText()).containsPattern("A-\\d{4}-\\d{6}");
                check(name + "-5-booked");
            }
        }
    }
}
