package it.comune.immigrati.site;

import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages in a real Chromium: language switch without JavaScript help, RTL layout, axe-core. */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/privacy", "/accessibilita", "/note-legali",
            "/login", "/pagina-che-non-esiste", "/invito/link-non-valido");

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aVisitorSwitchesToArabicAndTheLayoutMirrors() {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        WebElement logo = browser.findElement(By.cssSelector(".it-brand-wrapper img"));
        WebElement title = browser.findElement(By.cssSelector(".it-brand-title"));
        assertThat(logo.getRect().getX()).isLessThan(title.getRect().getX());

        browser.findElement(By.cssSelector(".aci-lang summary")).click();
        browser.findElement(By.cssSelector(".aci-lang-list a[lang='ar']")).click();

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        logo = browser.findElement(By.cssSelector(".it-brand-wrapper img"));
        title = browser.findElement(By.cssSelector(".it-brand-title"));
        assertThat(logo.getRect().getX()).as("logo on the right in RTL").isGreaterThan(title.getRect().getX());
        assertThat(browser.findElement(By.cssSelector(".aci-hero .lead")).getText()).isNotBlank().doesNotContain("aiuta");

        browser.get(url("/privacy"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).as("remembered").isEqualTo("rtl");
        browser.findElement(By.cssSelector(".aci-lang summary")).click();
        browser.findElement(By.cssSelector(".aci-lang-list a[lang='it']")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.getCurrentUrl()).contains("/privacy");
    }

    @Test
    void theSkipLinkLeadsToTheMainContent() {
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("a.aci-skip")).getAttribute("href")).endsWith("#main");
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isTrue();
    }

    @Test
    void everyPublicPageHasNoWcagViolationsInItalian() {
        checkEveryPage("it");
    }

    @Test
    void everyPublicPageHasNoWcagViolationsInArabic() {
        checkEveryPage("ar");
    }

    private void checkEveryPage(String language) {
        browser.get(url("/?lang=" + language));
        StringBuilder violations = new StringBuilder();
        for (String page : PUBLIC_PAGES) {
            browser.get(url(page));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(language);
            String found = Browser.accessibilityViolations(browser);
            if (!found.isEmpty()) {
                violations.append(page).append(" [").append(language).append("]:\n").append(found).append('\n');
            }
        }
        assertThat(violations.toString()).isEmpty();
    }
}
