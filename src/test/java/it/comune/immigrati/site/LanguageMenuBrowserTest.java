package it.comune.immigrati.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language menu as a resident uses it, on a 390 px phone and on a desktop, from Italian and from
 * Arabic: opened by tapping, every entry inside the screen, on top of everything else where a finger
 * lands, readable (axe-core with the menu open), and tapping one switches the site's language.
 */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class LanguageMenuBrowserTest {

    @LocalServerPort
    int port;

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
    void theMenuOpensOnPhoneAndDesktopAndEveryEntryCanBeTapped() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        StringBuilder problems = new StringBuilder();
        for (int width : new int[] { 390, 1366 }) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String from : List.of("it", "ar")) {
                browser.manage().deleteAllCookies();
                browser.get("http://localhost:" + port + "/?lang=" + from);
                open();
                List<WebElement> entries = browser.findElements(By.cssSelector(".aci-lang-list a"));
                assertThat(entries).hasSize(Language.values().length);
                for (WebElement entry : entries) {
                    problems.append(tappable(entry, width));
                }
                save(shots.resolve("language-menu-" + from + "-" + width + ".png"));
                problems.append(Browser.accessibilityViolations(browser));
            }
            // a Ukrainian speaker taps their language, then an Arabic speaker theirs, without typing any address
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/");
            open();
            browser.findElement(By.cssSelector(".aci-lang-list a[lang=uk]")).click();
            awaitLanguage("uk");
            open();
            browser.findElement(By.cssSelector(".aci-lang-list a[lang=ar]")).click();
            awaitLanguage("ar");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            browser.get("http://localhost:" + port + "/guide");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("remembered").isEqualTo("ar");
        }
        assertThat(problems.toString()).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * This machine has no system font for Bengali or Chinese (only DejaVu and Liberation): the text shows
     * only if the site serves a font, and the browser must have fetched and used it.
     */
    @Test
    void everyScriptIsDrawnWithAFontTheSiteServes() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        java.util.Map<String, String> fonts = java.util.Map.of("bn", "Noto Sans Bengali", "zh", "Noto Sans SC",
                "ur", "Noto Naskh Arabic", "ar", "Noto Naskh Arabic", "uk", "Noto Sans");
        StringBuilder missing = new StringBuilder();
        fonts.forEach((language, family) -> {
            browser.get("http://localhost:" + port + "/?lang=" + language);
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.fonts.ready.then(() => done([...document.fonts].filter(f => f.status === 'loaded')
                        .map(f => f.family.replaceAll('"', ''))));""");
            if (!loaded.contains(family)) {
                missing.append(language).append(": ").append(family).append(" not loaded; loaded ").append(loaded).append('\n');
            }
        });
        assertThat(missing.toString()).isEmpty();
    }

    /** A Chinese page needs one font file for its characters (Lighthouse 77 when it fetched twenty pieces). */
    @Test
    void aChinesePageFetchesOneFileForItsCharacters() {
        for (String page : List.of("/?lang=zh", "/quesiti/nuovo?lang=zh", "/guide?lang=zh")) {
            browser.get("http://localhost:" + port + page);
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.fonts.ready.then(() => done(performance.getEntriesByType('resource').map(r => r.name)
                        .filter(n => n.includes('/fonts/noto-sans-sc')).map(n => n.replace(/.*\\//, ''))));""");
            assertThat(fetched).as(page).hasSize(1);
            assertThat(fetched.get(0)).as(page).startsWith("noto-sans-sc-core-400-normal");
        }
    }

    private void open() {
        browser.findElement(By.cssSelector(".aci-lang summary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".aci-lang-list a")));
    }

    private void awaitLanguage(String code) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", code));
    }

    /** Empty when the entry is visible, inside the screen, and what a tap on its middle would hit. */
    private String tappable(WebElement entry, int width) {
        String problem = (String) ((JavascriptExecutor) browser).executeScript("""
                const a = arguments[0], box = a.getBoundingClientRect(), width = document.documentElement.clientWidth;
                if (box.width < 24 || box.height < 24) return 'too small: ' + box.width + 'x' + box.height;
                if (box.left < 0 || box.right > width) return 'outside the screen: ' + box.left + '..' + box.right;
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                if (!hit || !(hit === a || a.contains(hit))) return 'covered by ' + (hit ? hit.tagName + '.' + hit.className : 'nothing');
                const style = getComputedStyle(a);
                if (style.color === getComputedStyle(a.closest('ul')).backgroundColor) return 'text the colour of its background';
                return '';""", entry);
        return problem.isEmpty() ? "" : width + " px, " + entry.getText() + ": " + problem + "\n";
    }

    private void save(Path file) throws java.io.IOException {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
