package it.comune.immigrati.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search as residents and editors use it, in a real Chromium: in each of the eleven languages the
 * home page, a guide and a search that finds the guide, at 390 and 1366 px, checked with axe-core and for
 * sideways scrolling; a misspelt search that says what it searched instead; the editors' synonym list
 * after a refused save.
 */
@AciTest
@Slow
class SearchBrowserTest extends BrowserTestBase {

    private static final String GUIDE = "/guide/permesso-di-soggiorno-richiesta-e-rinnovo";

    @org.springframework.beans.factory.annotation.Autowired
    it.comune.immigrati.search.SearchIndex index;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** The first query of the language's relevance data: real words a resident types. */
    private static String query(Language language) throws java.io.IOException {
        String line = new ClassPathResource("search/relevance/" + language.code() + ".tsv").getContentAsString(StandardCharsets.UTF_8)
                .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
        return line.split("\t")[0];
    }

    @Test
    void theHomeAGuideAndTheSearchAreAccessibleInEveryLanguage() throws Exception {
        StringBuilder problems = new StringBuilder();
        for (Language language : Language.values()) {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            browser.get(url("/?lang=" + language.code()));
            String search = "/cerca?q=" + URLEncoder.encode(query(language), StandardCharsets.UTF_8);
            for (String page : List.of("/", GUIDE, search)) {
                for (int width : new int[] { 390, 1366 }) {
                    browser.manage().window().setSize(new Dimension(width, 1000));
                    browser.get(url(page));
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(language.code());
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(language.dir());
                    if (page.equals(search)) {
                        assertThat(browser.findElements(By.cssSelector("#results li"))).as(language + " " + page).isNotEmpty();
                        if (width == 390) {
                            Browser.screenshot(browser, "search-" + language.code() + "-390");
                        }
                    }
                    String found = Browser.accessibilityViolations(browser);
                    if (!found.isEmpty()) {
                        problems.append(page).append(" [").append(language.code()).append(", ").append(width).append(" px]:\n")
                                .append(found).append('\n');
                    }
                    if (width == 390 && !Browser.sidewaysOverflow(browser).isEmpty()) {
                        problems.append(page).append(" [").append(language.code()).append("] scrolls sideways: ")
                                .append(Browser.sidewaysOverflow(browser)).append('\n');
                    }
                }
            }
        }
        assertThat(problems.toString()).isEmpty();
    }

    /**
     * Glyph coverage: every letter of the guide that Titillium (Latin) does not draw is in the declared
     * range of a face of the script's own font that the browser has loaded from the site's files. For
     * Chinese the face's range is exactly the characters its file holds (frontend/fonts), so a missing
     * character is a missing glyph.
     */
    @Test
    void theGuideOfEachScriptIsDrawnWithTheSitesOwnFonts() {
        java.util.Map<Language, String> families = java.util.Map.of(Language.UK, "Noto Sans", Language.AR, "Noto Naskh Arabic",
                Language.UR, "Noto Naskh Arabic", Language.BN, "Noto Sans Bengali", Language.ZH, "Noto Sans SC");
        StringBuilder problems = new StringBuilder();
        browser.manage().window().setSize(new Dimension(390, 1000));
        for (var entry : families.entrySet()) {
            browser.get(url(GUIDE + "?lang=" + entry.getKey().code()));
            Object missing = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                    const family = arguments[0], done = arguments[arguments.length - 1];
                    const text = document.getElementById('guide-text').innerText;
                    const letters = [...new Set([...text].filter(c => /[\\p{L}\\p{M}]/u.test(c) && c.codePointAt(0) > 0x24F))];
                    document.fonts.load('16px "' + family + '"', letters.join('')).then(() => document.fonts.ready).then(() => {
                      const faces = [...document.fonts].filter(f => f.family.replace(/"/g, '') === family && f.status === 'loaded');
                      const ranges = faces.flatMap(f => f.unicodeRange.split(',').map(r => {
                        const [a, b] = r.trim().replace('U+', '').split('-');
                        return [parseInt(a, 16), parseInt(b || a, 16)];
                      }));
                      const missing = letters.filter(c => !ranges.some(([a, b]) => c.codePointAt(0) >= a && c.codePointAt(0) <= b));
                      done(faces.length === 0 ? 'no face of ' + family + ' loaded' : missing.slice(0, 30).join(' '));
                    });""", entry.getValue());
            if (!String.valueOf(missing).isEmpty()) {
                problems.append(entry.getKey().code()).append(" (").append(entry.getValue()).append("): ").append(missing).append('\n');
            }
            Browser.screenshot(browser, "guide-" + entry.getKey().code() + "-390");
        }
        assertThat(problems.toString()).isEmpty();
    }

    @Test
    void aMisspeltSearchSaysWhatItSearchedInsteadAndMarksTheWords() {
        for (String language : List.of("it", "ar")) {
            browser.manage().window().setSize(new Dimension(390, 1000));
            browser.get(url("/?lang=" + language));
            String misspelt = language.equals("it") ? "permeso di sogiorno" : "تصريح الاقامت";
            browser.get(url("/cerca?q=" + URLEncoder.encode(misspelt, StandardCharsets.UTF_8)));
            assertThat(browser.findElement(By.id("did-you-mean")).getText()).as(language).isNotBlank();
            if (language.equals("ar")) {
                // as the guides write it, not folded as in the index
                assertThat(browser.findElement(By.id("did-you-mean")).getText()).contains("الإقامة").doesNotContain("الاقامه");
            }
            assertThat(browser.findElements(By.cssSelector("#results mark"))).as(language).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#results a")).getAttribute("href")).contains("/guide/");
            Browser.screenshot(browser, "search-corrected-" + language + "-390");
            assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        }
    }

    /** Ten results a page; the links to the other pages, followed as a resident does, in Italian and Arabic. */
    @Test
    void aResidentPagesThroughTheResults() {
        transactions.executeWithoutResult(s -> {
            for (int i = 1; i <= 14; i++) {
                for (Language language : List.of(Language.IT, Language.AR)) {
                    index.put(new it.comune.immigrati.search.SearchIndex.Document("guide", "pagine-" + i, language,
                            (language == Language.IT ? "Corso serale " : "دورة مسائية ") + i,
                            language == Language.IT ? "Un corso serale di quartiere." : "دورة مسائية في الحي.",
                            "", "/guide/pagine-" + i, "lavoro", java.time.Instant.now()));
                }
            }
        });
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 360, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/?lang=" + language));
                browser.get(url("/cerca?q=" + URLEncoder.encode(language.equals("it") ? "corso serale" : "دورة مسائية", StandardCharsets.UTF_8)));
                assertThat(browser.findElements(By.cssSelector("#results > li"))).hasSize(10);
                browser.findElement(By.cssSelector("#result-pages a[rel=next]")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                        .until(d -> d.getCurrentUrl().contains("pagina=2"));
                assertThat(browser.findElements(By.cssSelector("#results > li"))).hasSize(4);
                assertThat(browser.findElement(By.id("results-page")).getText()).isNotBlank();
                assertThat(browser.findElements(By.cssSelector("#result-pages a[rel=next]"))).isEmpty();
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('result-pages').scrollIntoView()");
                Browser.screenshot(browser, "search-page-2-" + language + "-" + width);
                assertThat(Browser.accessibilityViolations(browser)).as(language + " " + width).isEmpty();
                assertThat(Browser.sidewaysOverflow(browser)).as(language + " " + width).isEmpty();
                browser.findElement(By.cssSelector("#result-pages a[rel=prev]")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                        .until(d -> d.getCurrentUrl().contains("pagina=1"));
                assertThat(browser.findElements(By.cssSelector("#results > li"))).hasSize(10);
            }
        }
    }

    @Test
    void theEditorsSynonymListExplainsARefusedLineInItalianAndArabic() {
        TestStaff.Account editor = TestStaff.create(jdbc, passwords, "EDITOR");
        Browser.signIn(browser, port, editor);
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                browser.get(url("/ufficio/ricerche/sinonimi?lingua=" + language + "&lang=" + language));
                var text = browser.findElement(By.id("synonyms-text"));
                assertThat(text.getAttribute("dir")).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                text.clear();
                text.sendKeys("permesso di soggiorno, pds\nparola-sola");
                browser.findElement(By.cssSelector("form[action='/ufficio/ricerche/sinonimi'] button[type=submit]")).click();
                // the refused page, not the one the click left
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                        org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("synonyms-lines")));
                assertThat(browser.findElement(By.id("synonyms-lines")).getText()).matches(".*\\d+.*");
                assertThat(Browser.errorPatternProblems(browser, language.equals("ar") ? "خطأ:" : "Errore:", List.of("synonyms-text")))
                        .isEmpty();
                assertThat(Browser.accessibilityViolations(browser)).as(language + " " + width).isEmpty();
                assertThat(Browser.sidewaysOverflow(browser)).as(language + " " + width).isEmpty();
                Browser.screenshot(browser, "synonyms-refused-" + language + "-" + width);
            }
        }
    }
}
