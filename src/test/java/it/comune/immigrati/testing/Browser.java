package it.comune.immigrati.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium (DESIGN.md §7, trap 8: binary and driver named
 * explicitly, so Selenium Manager never reaches for the network).
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,1000",
                    // Bootstrap Italia scrolls smoothly unless motion is reduced: ChromeDriver's click scrolls the
                    // element into view and clicks at once, where the element was, hitting the footer instead
                    "--force-prefers-reduced-motion",
                    "--user-data-dir=" + Files.createTempDirectory("aci-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a staff member in as they would: password, then the authenticator's code; waits for the staff area. */
    public static void signIn(WebDriver browser, int port, TestStaff.Account account) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(account.username());
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(account.password(), org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("code")));
        browser.findElement(org.openqa.selenium.By.id("code"))
                .sendKeys(TestStaff.code(account.totpSecret(), TestStaff.currentStep()), org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/ufficio"));
    }

    /** The WCAG 2.1 A and AA violations axe-core finds on the current page, as readable text. */
    public static String accessibilityViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            throw new AssertionError("axe-core did not run on " + driver.getCurrentUrl());
        }
        List<Rule> violations = results.getViolations();
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
