package it.comune.immigrati.accounts;

import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A new operator signs in for the first time in Chromium: password, second-factor enrolment, staff area. */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class StaffLoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    WebDriver browser;

    private void awaitUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
        assertThat(browser.getCurrentUrl()).contains(part);
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void firstSignInEnrolsTheAuthenticatorThenTheCodeIsAskedEveryTime() {
        TestStaff.Account account = TestStaff.create(jdbc, passwords, "EDITOR");
        jdbc.sql("UPDATE staff_user SET totp_secret = NULL WHERE username = :u").param("u", account.username()).update();
        browser.manage().deleteAllCookies();

        browser.get("http://localhost:" + port + "/ufficio/pagine");
        awaitUrl("/login");
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(account.password(), Keys.ENTER);

        awaitUrl("/login/totp/attiva");
        assertThat(browser.findElement(By.cssSelector("img.aci-qr")).getAttribute("src")).startsWith("data:image/png");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        String secret = browser.findElement(By.id("totp-secret")).getText().trim();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys(TestStaff.code(secret, TestStaff.currentStep()), Keys.ENTER);

        awaitUrl("/ufficio/pagine");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pagine del sito");

        browser.findElement(By.cssSelector(".aci-slim-right form button")).click();
        awaitUrl("/login?logout");

        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(account.password(), Keys.ENTER);
        awaitUrl("/login/totp");
        browser.findElement(By.id("code")).sendKeys("000000", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("totp-error")));
        assertThat(browser.findElement(By.id("totp-error")).isDisplayed()).isTrue();
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
    }

    /** Staff with disabilities use the office's pages too (Legge 4/2004 covers intranets). */
    @Test
    void theStaffPagesHaveNoWcagViolations() {
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN", "SUPERVISOR", "EDITOR");
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(admin.username());
        browser.findElement(By.id("password")).sendKeys(admin.password(), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys(TestStaff.code(admin.totpSecret(), TestStaff.currentStep()), Keys.ENTER);
        awaitUrl("/ufficio");
        StringBuilder violations = new StringBuilder();
        for (String page : java.util.List.of("/ufficio", "/ufficio/utenti", "/ufficio/utenti/1", "/ufficio/audit",
                "/ufficio/posta", "/ufficio/posta-di-prova", "/ufficio/posta-di-prova/0", "/ufficio/pagine",
                "/ufficio/pagine/privacy/ar")) {
            browser.get("http://localhost:" + port + page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            String found = Browser.accessibilityViolations(browser);
            if (!found.isEmpty()) {
                violations.append(page).append(":\n").append(found).append('\n');
            }
        }
        assertThat(violations.toString()).isEmpty();
    }
}
