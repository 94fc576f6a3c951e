package it.comune.immigrati.site;

import it.comune.immigrati.testing.Slow;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.ImapMailbox;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages in a real Chromium: language switch without JavaScript help, RTL layout, axe-core. */
@AciTest
@Slow
class PublicPagesBrowserTest extends BrowserTestBase {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/privacy", "/accessibilita", "/note-legali",
            "/quesiti", "/quesiti/nuovo", "/faq", "/cerca?q=permesso", "/cerca?q=parolainesistente",
            "/guide", "/guide?situazione=famiglia", "/guide/ricongiungimento-familiare", "/guide/cittadinanza-italiana",
            "/guide/iscrizione-servizio-sanitario-nazionale/valutazione?voto=2", "/guide/iscrizione-servizio-sanitario-nazionale/valutazione/grazie",
            "/login", "/pagina-che-non-esiste", "/invito/link-non-valido");

    @Autowired
    EmbeddedMailServer mailServer;

    /** A demo colleague's invitation, as the e-mail carries it: the public page where a password is set. */
    private String invitationLink() throws InterruptedException {
        ImapMailbox.Mail mail = new ImapMailbox(mailServer.imapPort(), "s.hoxha@aci.local")
                .await(m -> m.text() != null && m.text().contains("/invito/"), Duration.ofSeconds(20));
        Matcher link = Pattern.compile("(/invito/[A-Za-z0-9_-]{22})").matcher(mail.text());
        assertThat(link.find()).isTrue();
        return link.group(1);
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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));

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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "ltr"));
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
    void everyPublicPageHasNoWcagViolationsInItalian() throws InterruptedException {
        checkEveryPage("it");
    }

    @Test
    void everyPublicPageHasNoWcagViolationsInArabic() throws InterruptedException {
        checkEveryPage("ar");
    }

    /**
     * Every citizen page, in every script the site serves (Latin, Arabic, Urdu, Bengali, Chinese,
     * Cyrillic), on a 360 px phone and in a 1366 px window zoomed to 200 % (WCAG 1.4.4 and 1.4.10): nothing
     * sticks out sideways.
     */
    @Test
    void everyCitizenPageFitsA360PxPhoneAnd200PercentZoomInEveryScript() {
        StringBuilder problems = new StringBuilder();
        List<String> pages = PUBLIC_PAGES.stream().filter(page -> !page.equals("/login")).toList();
        for (String language : List.of("it", "ar", "ur", "bn", "zh", "uk")) {
            browser.get(url("/?lang=" + language));
            for (String view : List.of("360 px", "200 %")) {
                if (view.equals("360 px")) {
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
                } else {
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
                    Browser.zoom(browser, 1366, 768, 200);
                }
                for (String page : pages) {
                    browser.get(url(page));
                    List<String> overflow = Browser.sidewaysOverflow(browser);
                    if (!overflow.isEmpty()) {
                        problems.append(page).append(" [").append(language).append(", ").append(view).append("]: ")
                                .append(overflow).append('\n');
                    }
                }
                browser.get(url("/guide/ricongiungimento-familiare"));
                Browser.screenshot(browser, "guide-" + language + (view.equals("360 px") ? "-360" : "-zoom-200"));
                if (view.equals("200 %")) {
                    Browser.zoom(browser, 0, 0, null);
                }
            }
        }
        assertThat(problems.toString()).isEmpty();
    }

    private void checkEveryPage(String language) throws InterruptedException {
        browser.get(url("/?lang=" + language));
        StringBuilder violations = new StringBuilder();
        List<String> pages = new java.util.ArrayList<>(PUBLIC_PAGES);
        pages.add(invitationLink());
        for (String page : pages) {
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
