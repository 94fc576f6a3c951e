package it.comune.immigrati.questions;

import it.comune.immigrati.testing.Slow;
import java.time.Duration;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.SmtpSender;
import it.comune.immigrati.testing.TestStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in Chromium and through the mail server: a resident asks in Arabic, gets the
 * confirmation by e-mail, an operator answers in the browser, the resident receives the answer by
 * e-mail and reads it on the private page. Every page on the way is checked with axe-core.
 */
@AciTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class QuestionDeskBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    WebDriver resident;
    WebDriver operator;

    @BeforeAll
    void startBrowsers() {
        resident = Browser.start();
        operator = Browser.start();
    }

    @AfterAll
    void stopBrowsers() {
        resident.quit();
        operator.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void noViolations(WebDriver browser) {
        assertThat(Browser.accessibilityViolations(browser)).as(browser.getCurrentUrl()).isEmpty();
    }

    @Test
    void aResidentAsksInArabicAndReadsTheOperatorsAnswer() throws Exception {
        String email = "layla" + System.nanoTime() + "@example.org";
        resident.get(url("/quesiti?lang=ar"));
        noViolations(resident);
        resident.findElement(By.cssSelector("a.btn-primary[href='/quesiti/nuovo']")).click();
        new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/quesiti/nuovo"));

        // first without the privacy consent: the form comes back with the message and what was typed
        resident.findElement(By.id("email")).sendKeys(email);
        new Select(resident.findElement(By.id("topic"))).selectByValue("scuola");
        resident.findElement(By.id("text")).sendKeys("كيف أسجل ابني في المدرسة الإعدادية في سارونو؟");
        resident.findElement(By.cssSelector("form.aci-form button[type=submit]")).submit();
        new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(resident.findElement(By.id("text")).getAttribute("value")).contains("المدرسة الإعدادية");
        noViolations(resident);

        resident.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
        // the page script solves the proof-of-work challenge in the background (Chromium on localhost has crypto.subtle)
        new WebDriverWait(resident, Duration.ofSeconds(30)).until(d -> !d.findElement(By.name("altcha")).getAttribute("value").isEmpty());
        resident.findElement(By.cssSelector("form.aci-form button[type=submit]")).submit();
        new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
        String code = resident.findElement(By.cssSelector(".aci-code")).getText();
        assertThat(code).matches("Q-\\d{4}-\\d{6}");
        String privatePage = resident.getCurrentUrl().replace("?inviata", "");
        assertThat(resident.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        noViolations(resident);
        assertThat(jdbc.sql("SELECT proof_of_work FROM question WHERE code = :c").param("c", code).query(Boolean.class).single())
                .as("solved in the browser").isTrue();

        ImapMailbox mailbox = new ImapMailbox(mailServer.imapPort(), email);
        ImapMailbox.Mail confirmation = mailbox.await(m -> m.subject().contains(code), Duration.ofSeconds(20));
        assertThat(confirmation.html()).contains("dir=\"rtl\"");
        assertThat(confirmation.text()).contains(privatePage.substring(privatePage.indexOf("/quesiti/stato/")));

        TestStaff.Account account = TestStaff.create(jdbc, passwords, "MEDIATOR");
        TestStaff.speaks(jdbc, account, "ar", "it"); // a mediator sees the questions in the languages they speak
        Browser.signIn(operator, port, account);
        operator.get(url("/ufficio/quesiti?view=new&language=ar"));
        noViolations(operator);
        operator.findElement(By.linkText(code)).click();
        new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ufficio/quesiti/" + code));
        noViolations(operator);
        operator.findElement(By.id("assign-me")).click();
        new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("assignee"), account.username()));
        operator.findElement(By.id("answer")).sendKeys("يمكنك التسجيل في مكتب المدرسة من الاثنين إلى الجمعة.");
        operator.findElement(By.id("preview-button")).sendKeys(Keys.ENTER);
        new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(operator.findElement(By.id("preview")).getText()).contains("مكتب المدرسة", code);
        assertThat(operator.findElement(By.id("answer")).getAttribute("value")).as("the draft is kept").contains("مكتب المدرسة");
        operator.findElement(By.cssSelector("form[action$='/risposta'] button[type=submit]:not([formaction])")).sendKeys(Keys.ENTER);
        new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".aci-message-answer")));
        new WebDriverWait(operator, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("deliveries")).getText().contains("Consegnata al server di posta");
        });

        ImapMailbox.Mail answer = mailbox.await(m -> m.text() != null && m.text().contains("مكتب المدرسة"), Duration.ofSeconds(20));
        assertThat(answer.subject()).contains(code);

        resident.get(privatePage);
        assertThat(resident.findElement(By.cssSelector(".aci-message-answer")).getText()).contains("مكتب المدرسة");
        noViolations(resident);
        // the resident answers from the mail client; the operator sees it in the thread
        SmtpSender.send(mailServer.smtpPort(), email, "quesiti@aci.local", "Re: " + answer.subject(), "شكرا، سأذهب يوم الاثنين.",
                m -> {
                    try {
                        m.setHeader("In-Reply-To", answer.messageId());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        new WebDriverWait(operator, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector(".aci-thread")).getText().contains("سأذهب يوم الاثنين");
        });
        resident.navigate().refresh();
        assertThat(resident.findElement(By.cssSelector(".aci-thread")).getText()).contains("سأذهب يوم الاثنين");

        resident.findElement(By.id("rating-5")).sendKeys(Keys.SPACE);
        resident.findElement(By.id("comment")).submit();
        new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("rated")));
    }

    /** The demo data's FAQ on renewals appears while the resident is still typing (htmx, debounced). */
    @Test
    void matchingFaqAppearWhileTheResidentTypes() {
        resident.get(url("/quesiti/nuovo?lang=it"));
        resident.findElement(By.id("text")).sendKeys("Quando devo fare il rinnovo del permesso di soggiorno?");
        new WebDriverWait(resident, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#suggestions a[href='/faq/rinnovo-permesso-di-soggiorno']")));
        noViolations(resident);
    }

    @Test
    void theFaqPagesHaveNoWcagViolationsInItalianAndArabic() {
        jdbc.sql("""
                INSERT INTO faq (slug, topic, status, created_by, published_at) VALUES ('prova-axe', 'scuola', 'PUBLISHED', 'test', now())
                ON CONFLICT (slug) DO NOTHING""").update();
        long id = jdbc.sql("SELECT id FROM faq WHERE slug = 'prova-axe'").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO faq_text (faq_id, language, question, answer, updated_by) VALUES
                (:id, 'it', 'Posso iscrivere mio figlio a scuola durante l''anno?', 'Sì: la **scuola** accoglie i minori in ogni momento.', 'test'),
                (:id, 'ar', 'هل يمكنني تسجيل ابني في المدرسة خلال السنة؟', 'نعم، تقبل **المدرسة** القاصرين في أي وقت.', 'test')
                ON CONFLICT DO NOTHING""").param("id", id).update();
        for (String language : new String[] { "it", "ar" }) {
            resident.get(url("/faq?lang=" + language));
            noViolations(resident);
            resident.get(url("/faq/prova-axe"));
            assertThat(resident.findElement(By.tagName("h1")).getText()).isNotBlank();
            noViolations(resident);
            resident.get(url("/faq?q=scuola"));
            noViolations(resident);
        }
    }
}
