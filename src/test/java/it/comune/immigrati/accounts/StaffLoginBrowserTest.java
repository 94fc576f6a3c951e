package it.comune.immigrati.accounts;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A new operator signs in for the first time in Chromium: password, second-factor enrolment, staff area. */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffLoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    WebDriver browser;

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

        browser.get("http://localhost:" + port + "/ufficio/pagine");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(account.password(), Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/login/totp/attiva");
        assertThat(browser.findElement(By.cssSelector("img.aci-qr")).getAttribute("src")).startsWith("data:image/png");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        String secret = browser.findElement(By.id("totp-secret")).getText().trim();
        browser.findElement(By.id("code")).sendKeys(TestStaff.code(secret, TestStaff.currentStep()), Keys.ENTER);

        assertThat(browser.getCurrentUrl()).as("back where the editor wanted to go").endsWith("/ufficio/pagine");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pagine del sito");

        browser.findElement(By.cssSelector(".aci-slim-right form button")).click();
        assertThat(browser.getCurrentUrl()).contains("/login?logout");

        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(account.password(), Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
        browser.findElement(By.id("code")).sendKeys("000000", Keys.ENTER);
        assertThat(browser.findElement(By.id("totp-error")).isDisplayed()).isTrue();
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
    }
}
