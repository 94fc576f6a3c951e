package it.comune.immigrati.questions;

import java.util.List;

import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that list FAQ a page at a time, on a phone and a desktop, in Italian and in Arabic: the public
 * list (its second page, the language menu open, the search sent empty), the six on the question desk and
 * the editors' list. Each must be axe-clean and fit the screen; screenshots in target/screenshots.
 */
@AciTest
@Slow
class FaqPagesBrowserTest extends BrowserTestBase {

    @Autowired
    PublicContent content;

    @Autowired
    TransactionTemplate transaction;

    private final String prefix = "pagine-" + System.nanoTime();

    @AfterEach
    void removeThem() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM faq WHERE slug LIKE ?").param(prefix + "-%").update();
            content.changed();
        });
    }

    @Test
    void theListsOfFaqReadWellOnAPhoneAndADesktop() {
        // 45 more in the school topic, so that it has a second page
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 45; i++) {
                long id = jdbc.sql("""
                        INSERT INTO faq (slug, topic, status, created_by, published_at)
                        VALUES (?, 'scuola', 'PUBLISHED', 'test', now()) RETURNING id""")
                        .param(prefix + "-" + i).query(Long.class).single();
                jdbc.sql("INSERT INTO faq_text (faq_id, language, question, answer, updated_by) VALUES (?, 'it', ?, 'Sì.', 'test')")
                        .params(id, "Posso iscrivere mio figlio alla classe %02d a metà anno?".formatted(i)).update();
                if (i % 3 == 0) {
                    jdbc.sql("INSERT INTO faq_text (faq_id, language, question, answer, updated_by) VALUES (?, 'ar', ?, 'نعم.', 'test')")
                            .params(id, "هل يمكنني تسجيل ابني في الصف %02d في منتصف السنة؟".formatted(i)).update();
                }
            }
            content.changed();
        });
        StringBuilder problems = new StringBuilder();
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                String at = language + "-" + width;
                look(problems, "/faq?topic=scuola&pagina=2&lang=" + language, "list-page-2-" + at,
                        By.cssSelector("a[rel='prev']"));
                browser.findElement(By.cssSelector("details.aci-lang > summary")).click();
                check(problems, "list-language-menu-" + at);
                browser.findElement(By.cssSelector("details.aci-lang > summary")).click();
                // the search sent empty is the whole list again, from its first page
                WebElement search = browser.findElement(By.id("q"));
                search.clear();
                search.submit();
                if (browser.findElements(By.cssSelector("a[href^='/faq/']")).isEmpty()) {
                    problems.append("list-empty-search-").append(at).append(": no FAQ listed\n");
                }
                check(problems, "list-empty-search-" + at);
                look(problems, "/quesiti?lang=" + language, "desk-" + at, By.cssSelector("a[href^='/faq/']"));
            }
        }
        Browser.signIn(browser, port, TestStaff.create(jdbc, passwords, "EDITOR"));
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                look(problems, "/ufficio/faq?lang=" + language, "staff-list-" + language + "-" + width, By.id("faq-list"));
                // the editors' list names every FAQ by its Italian question, whatever the page's language
                if (!browser.getPageSource().contains("Posso iscrivere mio figlio alla classe 03 a metà anno?")) {
                    problems.append("staff-list-").append(language).append(": an FAQ not named by its Italian question\n");
                }
            }
        }
        assertThat(problems.toString()).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void look(StringBuilder problems, String path, String name, By expected) {
        browser.get(url(path));
        if (browser.findElements(expected).isEmpty()) {
            problems.append(name).append(": ").append(expected).append(" not on the page\n");
        }
        check(problems, name);
    }

    private void check(StringBuilder problems, String name) {
        // an Italian question inside an Arabic page keeps its own direction, or its "?" lands at the start
        Object unmarked = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll("a[href*='/faq/']")]
                    .filter(a => a.textContent.includes('Posso iscrivere') && (a.lang !== 'it' || a.dir !== 'ltr'))
                    .map(a => a.textContent.trim()).slice(0, 3).join(' | ');""");
        if (!"".equals(unmarked)) {
            problems.append(name).append(": Italian without lang and dir: ").append(unmarked).append('\n');
        }
        Browser.sidewaysOverflow(browser).forEach(p -> problems.append(name).append(": sideways ").append(p).append('\n'));
        String violations = Browser.accessibilityViolations(browser);
        if (!violations.isEmpty()) {
            problems.append(name).append(": ").append(violations).append('\n');
        }
        Browser.screenshot(browser, "faq-" + name);
    }
}
