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

    /**
     * The staff home in its groups and the privacy-request page, as a supervisor uses them on a phone and
     * on a desktop, in Italian and in Arabic: laid out, readable, without WCAG violations, also after a
     * refused erasure. Screenshots go to target/screenshots for a person to look at.
     */
    @Test
    void theStaffHomeAndThePrivacyPageWorkOnPhoneAndDesktopInItalianAndArabic() throws Exception {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR", "EDITOR");
        String email = "richiesta" + System.nanoTime() + "@example.org";
        it.comune.immigrati.testing.Residents.ask(new it.comune.immigrati.testing.WebClient(port),
                it.comune.immigrati.testing.Residents.question(email, "ar", "أريد أن أعرف كيف أجدد تصريح الإقامة الخاص بي."),
                java.util.List.of());
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, supervisor);
        java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        StringBuilder violations = new StringBuilder();
        for (String language : java.util.List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 2400));
                browser.get("http://localhost:" + port + "/ufficio?lang=" + language);
                assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
                assertThat(browser.findElements(By.cssSelector("section[aria-labelledby^=group-] h2")))
                        .as("the staff menu in its groups").hasSizeGreaterThanOrEqualTo(2);
                save(shots.resolve("staff-home-" + language + "-" + width + ".png"));
                violations.append(Browser.accessibilityViolations(browser));

                browser.get("http://localhost:" + port + "/ufficio/privacy?email=" + email);
                assertThat(browser.findElement(By.id("held")).getText()).contains("Q-");
                save(shots.resolve("privacy-" + language + "-" + width + ".png"));
                assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0L);
                var erase = browser.findElement(By.cssSelector("form[action='/ufficio/privacy/cancella'] button"));
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", erase);
                erase.click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".alert-danger")));
                assertThat(browser.findElement(By.cssSelector(".alert-danger")).isDisplayed()).as("refused without confirmation").isTrue();
                save(shots.resolve("privacy-refused-" + language + "-" + width + ".png"));
                violations.append(Browser.accessibilityViolations(browser));
            }
        }
        assertThat(violations.toString()).isEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /**
     * The staff navigation is a menu per area, not sixteen links in two rows: a supervisor opens
     * "Amministrazione" and taps the privacy requests, on a phone and a desktop, in Italian and Arabic,
     * with axe-core run while the menu is open.
     */
    @Test
    void theStaffNavigationGroupsItsEntriesByArea() throws Exception {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR", "EDITOR");
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, supervisor);
        java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        StringBuilder violations = new StringBuilder();
        for (String language : java.util.List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
                browser.get("http://localhost:" + port + "/ufficio/quesiti?lang=" + language);
                var groups = browser.findElements(By.cssSelector(".aci-nav-group > summary"));
                assertThat(groups).extracting(org.openqa.selenium.WebElement::getText).as("one menu per area")
                        .containsExactly("it".equals(language) ? new String[] { "Sportello", "Contenuti", "Appuntamenti", "Pratiche", "Amministrazione" }
                                : new String[] { "شباك الخدمة", "المحتوى", "المواعيد", "الملفات", "الإدارة" });
                var entries = browser.findElements(By.cssSelector(".aci-nav > li"));
                assertThat(entries).as("the home and one menu per area, nothing else").hasSize(groups.size() + 1);
                if (width >= 1366) {
                    assertThat(entries).extracting(e -> e.getLocation().getY()).as("one row on a desktop").containsOnly(entries.get(0).getLocation().getY());
                }
                assertThat(browser.findElement(By.cssSelector(".aci-nav-group > summary.aci-nav-current")).getText())
                        .isEqualTo(groups.get(0).getText());
                groups.get(groups.size() - 1).click();
                var privacy = browser.findElement(By.cssSelector(".aci-nav-menu a[href='/ufficio/privacy']"));
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(privacy));
                save(shots.resolve("staff-nav-" + language + "-" + width + ".png"));
                violations.append(Browser.accessibilityViolations(browser));
                privacy.click();
                awaitUrl("/ufficio/privacy");
            }
        }
        assertThat(violations.toString()).isEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    private void save(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.write(file, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
