package it.comune.immigrati.guides;

import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Slow;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "listen" button of guides and FAQ (issue 13, point 6). This machine's Chromium has no speech voices,
 * so the device's speech synthesis is stood in for by a recording one with the same API (voices that
 * arrive late, speak, cancel), installed before the page's own scripts: a device with an Arabic voice
 * shows the button and hears the Arabic text; a device without a voice for the language shows nothing.
 */
@AciTest
@Slow
class ListenBrowserTest extends BrowserTestBase {

    private static final String RECORDING_SPEECH = """
            (() => {
              const voices = (window.__voiceLangs || ['ar-SA', 'it-IT']).map(lang => ({ lang, name: lang, default: false }));
              const listeners = [];
              window.__spoken = [];
              window.__cancelled = 0;
              let ready = false;
              const speech = {
                getVoices: () => ready ? voices : [],
                speak: u => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }),
                cancel: () => { window.__cancelled++; },
                addEventListener: (type, listener) => { if (type === 'voiceschanged') listeners.push(listener); },
              };
              Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
              window.SpeechSynthesisUtterance = function (text) { this.text = text; };
              // like Chrome, the voices come a moment after the page
              setTimeout(() => { ready = true; listeners.forEach(l => l()); }, 300);
            })();""";

    @Test
    void aDeviceWithAnArabicVoiceReadsTheArabicGuideAloud() {
        String script = (String) ((HasCdp) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORDING_SPEECH)).get("identifier");
        try {
            browser.manage().window().setSize(new Dimension(390, 1400));
            browser.get(url("/guide/ricongiungimento-familiare?lang=ar"));
            WebElement listen = browser.findElement(By.cssSelector("button[data-listen]"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> listen.isDisplayed());
            assertThat(listen.getText()).contains("استمع");
            assertThat(Browser.accessibilityViolations(browser)).isEmpty();
            Browser.screenshot(browser, "listen-ar-390");
            listen.click();
            @SuppressWarnings("unchecked")
            List<Map<String, String>> spoken = (List<Map<String, String>>) ((JavascriptExecutor) browser).executeScript("return window.__spoken");
            assertThat(spoken).as("one utterance per heading and paragraph").hasSizeGreaterThan(10);
            assertThat(spoken.get(0).get("text")).isEqualTo(browser.findElement(By.cssSelector("#guide-text h1")).getText());
            assertThat(spoken).allSatisfy(u -> {
                assertThat(u.get("lang")).isEqualTo("ar");
                assertThat(u.get("voice")).isEqualTo("ar-SA");
            });
            String toc = browser.findElement(By.id("toc-title")).getText();
            String sources = browser.findElement(By.id("sources-title")).getText();
            assertThat(spoken).extracting(u -> u.get("text")).as("not the table of contents or the sources")
                    .doesNotContain(toc, sources).anyMatch(t -> t.contains("ricongiungimento familiare"));
            assertThat(listen.getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(listen.getText()).contains("إيقاف القراءة");
            listen.click();
            assertThat(listen.getAttribute("aria-pressed")).isEqualTo("false");
            assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.__cancelled")).intValue())
                    .as("stopping cancels the speech").isGreaterThanOrEqualTo(2);

            // an answer of the FAQ, in Italian, with an Italian voice
            String faq = jdbc.sql("SELECT slug FROM faq WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1").query(String.class).single();
            browser.get(url("/faq/" + faq + "?lang=it"));
            WebElement faqListen = browser.findElement(By.cssSelector("button[data-listen]"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> faqListen.isDisplayed());

            // no voice for English on this device: no button on the English guide
            browser.get(url("/guide/ricongiungimento-familiare?lang=en"));
            awaitVoicesChecked();
            assertThat(browser.findElement(By.cssSelector("button[data-listen]")).isDisplayed()).isFalse();
        } finally {
            ((HasCdp) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        // the real browser here has no voice at all: the button stays hidden
        browser.get(url("/guide/ricongiungimento-familiare?lang=ar"));
        awaitVoicesChecked();
        Object voices = ((JavascriptExecutor) browser).executeScript("return speechSynthesis.getVoices().map(v => v.lang)");
        if (((List<?>) voices).stream().noneMatch(v -> String.valueOf(v).startsWith("ar"))) {
            assertThat(browser.findElement(By.cssSelector("button[data-listen]")).isDisplayed()).isFalse();
        }
    }

    /** Until listen.js has looked at the voices the page had at load. */
    private void awaitVoicesChecked() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                d -> ((JavascriptExecutor) d).executeScript("return document.documentElement.hasAttribute('data-listen-checked')")
                        .equals(Boolean.TRUE));
    }
}
