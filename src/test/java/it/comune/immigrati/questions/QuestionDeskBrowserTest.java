package it.comune.immigrati.questions;

import it.comune.immigrati.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.SmtpSender;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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

    /**
     * A resident asks in Ukrainian on the office's computer (Italian interface) and opens the link of the
     * acknowledgement on their own phone: a browser that never saw the site. The private page, and
     * the pages reached from it, are in Ukrainian; so is a link that lost its language on the way.
     */
    @Test
    void thePrivateLinkOpensInTheQuestionsLanguageOnAnotherDevice() throws Exception {
        String email = "oksana" + System.nanoTime() + "@example.org";
        it.comune.immigrati.testing.Residents.ask(new it.comune.immigrati.testing.WebClient(port),
                it.comune.immigrati.testing.Residents.question(email, "uk", "Добрий день, як продовжити посвідку на проживання?"),
                List.of());
        ImapMailbox.Mail ack = new ImapMailbox(mailServer.imapPort(), email).await(m -> m.text() != null, Duration.ofSeconds(20));
        String link = it.comune.immigrati.testing.Residents.matchIn(ack.text(), "(https?://\\S+/quesiti/stato/\\S+)");
        assertThat(link).endsWith("?lang=uk");
        WebDriver phone = Browser.start();
        try {
            phone.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            phone.get(link.replaceFirst("^https?://[^/]+", url("")));
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
            phone.findElement(By.cssSelector(".it-brand-wrapper a")).click();
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).as("the home page reached from it").isEqualTo("uk");
        } finally {
            phone.quit();
        }
        WebDriver another = Browser.start();
        try {
            another.get(url(link.replaceFirst("^https?://[^/]+", "").replace("?lang=uk", "")));
            assertThat(another.findElement(By.tagName("html")).getAttribute("lang")).as("a link without its language").isEqualTo("uk");
            another.get(url("/guide"));
            assertThat(another.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("uk");
        } finally {
            another.quit();
        }
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
        String shownLink = resident.findElement(By.id("private-link")).getAttribute("value");
        assertThat(shownLink).as("the whole link, to keep").matches("https?://.+/quesiti/stato/[A-Za-z0-9_-]{22}\\?lang=ar");
        assertThat(privatePage).contains(shownLink.replaceFirst("^https?://[^/]+", "").replace("?lang=ar", ""));
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
        assertThat(answer.autoSubmitted()).as("an operator wrote it: not marked as automatic").isNull();
        assertThat(answer.replyTo()).as("Reply goes to the desk").isEqualTo("quesiti@aci.local");
        assertThat(answer.text()).contains("يمكنك الرد على هذه الرسالة").doesNotContain("تلقائيًا");
        assertThat(confirmation.autoSubmitted()).isEqualTo("auto-generated");

        resident.get(privatePage);
        assertThat(resident.findElement(By.cssSelector(".aci-message-answer")).getText()).contains("مكتب المدرسة");
        noViolations(resident);
        // the resident answers from the mail client; the operator sees it in the thread
        SmtpSender.send(mailServer.smtpPort(), email, answer.replyTo(), "Re: " + answer.subject(), "شكرا، سأذهب يوم الاثنين.",
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

    /**
     * A resident who has written many messages on the private page in an hour is told so in their
     * language, with the text they typed kept, on a phone and on a desktop; axe-core finds nothing.
     */
    @Test
    void theLimitOfThePrivatePageIsExplainedInTheResidentsLanguage() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                WebClient other = new WebClient(port);
                var sent = Residents.ask(other, Residents.question(
                        "limite" + System.nanoTime() + "@example.org", language, "ar".equals(language)
                                ? "سؤال أتابعه على الصفحة الخاصة بي." : "Una domanda da seguire sulla pagina privata."), List.of());
                String page = WebClient.location(sent).replace("?inviata", "");
                for (int n = 0; n < 10; n++) {
                    other.submitMultipart(page, page + "/messaggio", Map.of("text", "Messaggio numero " + n), List.of());
                }
                resident.manage().deleteAllCookies();
                resident.manage().window().setSize(new Dimension(width, width < 800 ? 844 : 768));
                resident.get(url(page + "?lang=" + language));
                resident.findElement(By.id("text")).sendKeys("Ancora una cosa sulla mia pratica.");
                resident.findElement(By.cssSelector("form[action*='/messaggio'] button[type=submit]")).click();
                new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
                assertThat(resident.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
                assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) resident).executeScript(
                        "const r = document.getElementById('form-errors').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;"))
                        .as("the page opens where the message is, not at the top of a long thread").isTrue();
                assertThat(resident.findElement(By.id("form-errors")).getText())
                        .contains("ar".equals(language) ? "ساعة" : "Hai inviato molti messaggi");
                assertThat(resident.findElement(By.id("text")).getAttribute("value")).as("the text is kept")
                        .contains("Ancora una cosa");
                Files.write(shots.resolve("private-limit-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) resident).getScreenshotAs(OutputType.BYTES));
                noViolations(resident);
            }
        }
        resident.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * The same form sent twice, the second time with another address (a second tab, or Back after
     * correcting the address): the resident is told in their language that it will be a new question,
     * keeps what they wrote, and sending again works.
     */
    @Test
    void aFormSentAgainFromAnotherAddressIsExplainedAndCanBeSentAnew() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        for (String language : List.of("it", "ar")) {
            int width = "it".equals(language) ? 390 : 1366;
            resident.manage().deleteAllCookies();
            resident.manage().window().setSize(new Dimension(width, width < 800 ? 844 : 768));
            resident.get(url("/quesiti/nuovo?lang=" + language));
            String key = resident.findElement(By.name("submission")).getAttribute("value");
            String text = "ar".equals(language) ? "أريد أن أعرف كيف أجدد تصريح الإقامة لابني." : "Vorrei sapere come rinnovare il permesso di mio figlio.";
            Map<String, String> first = Residents.question("primo" + System.nanoTime() + "@example.org", language, text);
            first.put("submission", key);
            assertThat(Residents.ask(new WebClient(port), first, List.of()).statusCode()).isEqualTo(302);

            resident.findElement(By.id("email")).sendKeys("secondo" + System.nanoTime() + "@example.org");
            new Select(resident.findElement(By.id("topic"))).selectByValue("permesso-di-soggiorno");
            resident.findElement(By.id("text")).sendKeys(text);
            resident.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
            new WebDriverWait(resident, Duration.ofSeconds(30)).until(d -> !d.findElement(By.name("altcha")).getAttribute("value").isEmpty());
            resident.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
            new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
            assertThat(resident.findElement(By.id("form-errors")).getText())
                    .contains("ar".equals(language) ? "عنوان بريد إلكتروني آخر" : "da un altro indirizzo e-mail");
            assertThat(resident.findElement(By.id("text")).getAttribute("value")).as("the text is kept").isEqualTo(text);
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) resident).executeScript(
                    "const r = document.getElementById('form-errors').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;"))
                    .as("the message is in view").isTrue();
            assertThat(resident.findElement(By.id("form-errors")).getCssValue("ar".equals(language) ? "border-right-width" : "border-left-width"))
                    .as("the alert's coloured edge is where reading starts").isEqualTo("8px");
            Files.write(shots.resolve("key-taken-" + language + "-" + width + ".png"),
                    ((TakesScreenshot) resident).getScreenshotAs(OutputType.BYTES));
            noViolations(resident);

            if (!resident.findElement(By.id("privacy")).isSelected()) {
                resident.findElement(By.id("privacy")).sendKeys(Keys.SPACE);
            }
            new WebDriverWait(resident, Duration.ofSeconds(30)).until(d -> !d.findElement(By.name("altcha")).getAttribute("value").isEmpty());
            resident.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
            new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
        }
        resident.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * The question form sent empty (with a file chosen and a wrong address), as a first-time user does,
     * on a phone and a desktop, in Italian and Arabic: the title says "Errore:", the summary has the
     * focus and links to each field, each field has its own message (aria-invalid, aria-describedby),
     * the file must be chosen again and the form says so, labels overlap nothing, the consent box sits
     * where reading starts, and axe-core finds nothing after the failed submit.
     */
    @Test
    void anEmptyFormIsExplainedFieldByFieldAndTheSummaryTakesTheFocus() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = Files.createTempFile("permesso", ".pdf");
        Files.write(file, it.comune.immigrati.testing.Residents.PDF);
        for (String language : List.of("it", "ar")) {
            for (int width : new int[] { 390, 1366 }) {
                resident.manage().deleteAllCookies();
                resident.manage().window().setSize(new Dimension(width, 1600));
                resident.get(url("/quesiti/nuovo?lang=" + language));
                resident.findElement(By.id("email")).sendKeys("non-un-indirizzo");
                resident.findElement(By.id("attachments")).sendKeys(file.toString());
                new WebDriverWait(resident, Duration.ofSeconds(30)).until(d -> !d.findElement(By.name("altcha")).getAttribute("value").isEmpty());
                resident.findElement(By.cssSelector("form.aci-form button[type=submit]")).click();
                new WebDriverWait(resident, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));

                assertThat(resident.getTitle()).startsWith("ar".equals(language) ? "خطأ:" : "Errore:");
                assertThat(Browser.focusedId(resident, "form-errors"))
                        .as("the summary has the focus").isEqualTo("form-errors");
                for (String field : List.of("email", "topic", "text", "privacy", "attachments")) {
                    var link = resident.findElements(By.cssSelector("#form-errors a[href='#" + field + "']"));
                    assertThat(link).as("the summary links to " + field).isNotEmpty();
                    var control = resident.findElement(By.id(field));
                    assertThat(control.getAttribute("aria-invalid")).as(field).isEqualTo("true");
                    assertThat(control.getAttribute("aria-describedby")).as(field).startsWith(field + "-error");
                    assertThat(resident.findElement(By.id(field + "-error")).getText()).as(field).isNotBlank();
                }
                assertThat(resident.findElement(By.id("attachments-error")).getText()).as("the file must be chosen again")
                        .contains("ar".equals(language) ? "اخترها مرة أخرى" : "sceglili di nuovo");
                assertThat(resident.findElement(By.id("email")).getAttribute("value")).isEqualTo("non-un-indirizzo");
                String overlaps = (String) ((org.openqa.selenium.JavascriptExecutor) resident).executeScript("""
                        const boxes = [...document.querySelectorAll('.aci-form label, .aci-form .form-control, .aci-form .form-select, .aci-field-error, .aci-form h2, main h1')]
                          .map(e => [e, e.getBoundingClientRect()]).filter(([, b]) => b.width > 0 && b.height > 0);
                        const found = [];
                        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                          const [a, p] = boxes[i], [b, q] = boxes[j];
                          if (a.contains(b) || b.contains(a)) continue;
                          if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
                            found.push((a.id || a.tagName) + ' over ' + (b.id || b.tagName));
                        }
                        return found.join(', ');""");
                assertThat(overlaps).as("nothing overlaps at " + width + " px").isEmpty();
                Boolean boxAtStart = (Boolean) ((org.openqa.selenium.JavascriptExecutor) resident).executeScript("""
                        // Bootstrap Italia draws the box as the label's ::before, the input itself is hidden
                        const label = document.querySelector('label[for=privacy]');
                        const box = parseFloat(getComputedStyle(label, '::before').left);
                        const style = getComputedStyle(label);
                        return document.documentElement.dir === 'rtl'
                          ? box > label.clientWidth / 2 && parseFloat(style.paddingRight) > 20
                          : box < 10 && parseFloat(style.paddingLeft) > 20;""");
                assertThat(boxAtStart).as("the consent box where reading starts").isTrue();
                Files.write(shots.resolve("form-errors-" + language + "-" + width + ".png"),
                        ((TakesScreenshot) resident).getScreenshotAs(OutputType.BYTES));
                noViolations(resident);
                resident.findElement(By.cssSelector("#form-errors a[href='#text']")).click();
                assertThat(Browser.focusedId(resident, "text"))
                        .as("the link takes the resident to the field").isEqualTo("text");
            }
        }
        resident.manage().window().setSize(new Dimension(1280, 1000));
    }
}
