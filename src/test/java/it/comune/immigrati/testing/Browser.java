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

    /**
     * The id of the focused element, once it is the expected one or after two seconds: the browser moves
     * the focus to an autofocus element in a rendering step after the element is in the page, so reading it
     * at once can see the body (a clean CI run did).
     */
    public static Object focusedId(WebDriver browser, String expected) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        Object focused = js.executeScript("return document.activeElement.id");
        while (!expected.equals(focused) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            focused = js.executeScript("return document.activeElement.id");
        }
        return focused;
    }

    /**
     * What is missing from the GOV.UK error pattern after a failed submit: the title starting with the
     * error prefix, the summary holding the focus, and for each field a link in the summary, aria-invalid,
     * and its own message pointed at by aria-describedby. Empty when all is there.
     */
    public static List<String> errorPatternProblems(WebDriver browser, String titlePrefix, List<String> fields) {
        List<String> problems = new java.util.ArrayList<>();
        if (!browser.getTitle().startsWith(titlePrefix)) {
            problems.add("title \"" + browser.getTitle() + "\" does not start with " + titlePrefix);
        }
        Object focused = focusedId(browser, "form-errors");
        if (!"form-errors".equals(focused)) {
            problems.add("the focus is on \"" + focused + "\", not on the summary");
        }
        for (String field : fields) {
            if (browser.findElements(org.openqa.selenium.By.cssSelector("#form-errors a[href='#" + field + "']")).isEmpty()) {
                problems.add("the summary does not link to " + field);
            }
            var control = browser.findElement(org.openqa.selenium.By.id(field));
            if (!"true".equals(control.getAttribute("aria-invalid"))) {
                problems.add(field + " is not aria-invalid");
            }
            String describedBy = control.getAttribute("aria-describedby");
            boolean ownMessage = describedBy != null && java.util.Arrays.stream(describedBy.split("\\s+"))
                    .anyMatch(id -> !browser.findElements(org.openqa.selenium.By.id(id)).isEmpty()
                            && browser.findElement(org.openqa.selenium.By.id(id)).getAttribute("class").contains("aci-field-error"));
            if (!ownMessage && browser.findElements(org.openqa.selenium.By.id(field + "-error")).isEmpty()) {
                problems.add(field + " has no message of its own");
            }
        }
        return problems;
    }

    /** The elements that stick out of the page sideways, if the page scrolls sideways at all. */
    @SuppressWarnings("unchecked")
    public static List<String> sidewaysOverflow(WebDriver browser) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const found = [...document.querySelectorAll('body *')].filter(e => {
                  if (e.closest('details:not([open]) > :not(summary)')) return false; // not drawn
                  // inside a box that scrolls or clips sideways (a wide table in .table-responsive): not the page's width
                  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { // (not the body: it may clip)
                    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return false;
                  }
                  const box = e.getBoundingClientRect();
                  return box.width > 0 && (box.right > width + 1 || box.left < -1);
                }).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').trim().slice(0, 40));
                return ['the page is ' + document.documentElement.scrollWidth + ' px wide in ' + width + ' px', ...found];""");
    }

    /**
     * Lays the page out as the browser's own zoom does: a window {@code width} CSS pixels wide at
     * {@code percent} % has {@code width * 100 / percent} CSS pixels, each drawn larger. Null undoes it.
     */
    public static void zoom(WebDriver browser, int width, int height, Integer percent) {
        org.openqa.selenium.chromium.HasCdp cdp = (org.openqa.selenium.chromium.HasCdp) browser;
        if (percent == null) {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        } else {
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width * 100 / percent,
                    "height", height * 100 / percent, "deviceScaleFactor", percent / 100.0, "mobile", false));
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for a person to look at. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Saves the whole page, beyond the window's height, as {@code target/screenshots/<name>.png}. */
    public static void fullPageScreenshot(WebDriver browser, String name) {
        org.openqa.selenium.chromium.HasCdp cdp = (org.openqa.selenium.chromium.HasCdp) browser;
        // a window as tall as the page, as wide as the window: no scroll bar, as on a phone
        List<?> size = (List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [window.innerWidth, document.documentElement.scrollHeight]");
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.get(0),
                "height", size.get(1), "deviceScaleFactor", 1, "mobile", false));
        Object data;
        try {
            data = cdp.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png")).get("data");
        } finally {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(name + ".png"), java.util.Base64.getDecoder().decode(String.valueOf(data)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Text fields, lists and text areas drawn without any border a person could see (an input without a
     * type attribute gets none of Bootstrap Italia's field styles: a label over blank space).
     */
    @SuppressWarnings("unchecked")
    public static List<String> controlsWithoutBorder(WebDriver browser) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), main select, main textarea')]
                  .filter(e => e.getBoundingClientRect().width > 0 && !e.classList.contains('visually-hidden'))
                  .filter(e => {
                    const s = getComputedStyle(e);
                    return !['Top', 'Right', 'Bottom', 'Left'].some(side => parseFloat(s['border' + side + 'Width']) > 0
                        && s['border' + side + 'Style'] !== 'none' && !/rgba\\(.*, 0\\)$/.test(s['border' + side + 'Color']));
                  })
                  .map(e => e.id || e.name);""");
    }

    /**
     * What a person would meet on the page as it is now: parts sticking out sideways, fields without a
     * visible border, and axe-core's violations, each as one line starting with {@code what}.
     */
    public static List<String> pageProblems(WebDriver browser, String what) {
        List<String> problems = new java.util.ArrayList<>();
        sidewaysOverflow(browser).forEach(p -> problems.add(what + ": sideways " + p));
        controlsWithoutBorder(browser).forEach(c -> problems.add(what + ": no border on " + c));
        String violations = accessibilityViolations(browser);
        if (!violations.isEmpty()) {
            problems.add(what + ": " + violations);
        }
        return problems;
    }
}
