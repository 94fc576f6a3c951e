package it.comune.immigrati.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Browser;
import it.comune.immigrati.testing.BrowserTestBase;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.Slow;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a supervisor sees when an acknowledgement could not be delivered (the mail server answered
 * 550 5.1.1 for a mistyped address): the reason in their language on the question and in the outbox,
 * the address kept left to right inside Arabic, and "try again" sending it at once. On a phone and on a
 * desktop, in Italian and in Arabic; screenshots in target/screenshots.
 */
@AciTest
@Slow
class OutboxBrowserTest extends BrowserTestBase {

    @Test
    void anUndeliverableAcknowledgementIsExplainedToStaffAndCanBeSentAgain() throws Exception {
        String email = "olena.kovalenko" + System.nanoTime() + "@example.org";
        Residents.ask(new WebClient(port), Residents.question(email, "uk", "Добрий день, як продовжити посвідку на проживання?"),
                List.of());
        String code = jdbc.sql("SELECT code FROM question WHERE email = :e").param("e", email).query(String.class).single();
        String id = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT id::text FROM mail_outbox WHERE recipient = :r AND status = 'SENT'").param("r", email)
                .query(String.class).optional().orElse(null), java.util.Objects::nonNull);
        // as OutboxSender records a 550 5.1.1 (OutboxRefusalsTest covers the SMTP side)
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'FAILED', failure = 'no-such-address', sent_at = NULL,
                       last_error = '550 5.1.1 <' || recipient || '>: Recipient address rejected: User unknown'
                WHERE id = CAST(:id AS uuid)""").param("id", id).update();

        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        Browser.signIn(browser, port, supervisor);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        StringBuilder violations = new StringBuilder();
        for (String language : List.of("it", "ar")) {
            String reason = "it".equals(language) ? "non esiste" : "غير موجود";
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 2000));
                browser.get(url("/ufficio/quesiti/" + code + "?lang=" + language));
                WebElement failure = browser.findElement(By.cssSelector("#deliveries .delivery-failure"));
                scrollTo(failure);
                assertThat(failure.isDisplayed()).isTrue();
                assertThat(failure.getText()).contains(reason);
                assertThat(Browser.sidewaysOverflow(browser)).as("no sideways scrolling at " + width + " px").isEmpty();
                save(shots.resolve("delivery-failed-" + language + "-" + width + ".png"));
                violations.append(Browser.accessibilityViolations(browser));

                browser.get(url("/ufficio/posta?status=FAILED&lang=" + language));
                WebElement row = browser.findElement(By.xpath("//tr[td[contains(., '" + email + "')]]"));
                assertThat(row.getText()).contains(reason);
                assertThat(row.findElement(By.cssSelector(".outbox-recipient span")).getAttribute("dir")).isEqualTo("ltr");
                assertThat(Browser.sidewaysOverflow(browser)).as("no sideways scrolling at " + width + " px").isEmpty();
                save(shots.resolve("outbox-failed-" + language + "-" + width + ".png"));
                violations.append(Browser.accessibilityViolations(browser));
            }
        }
        assertThat(violations.toString()).isEmpty();

        // the resident's provider fixed the mailbox: the supervisor tries again, and it leaves at once
        browser.manage().window().setSize(new Dimension(390, 2000));
        browser.get(url("/ufficio/posta?status=FAILED&lang=it"));
        WebElement retry = browser.findElement(By.xpath("//tr[td[contains(., '" + email + "')]]//button"));
        scrollTo(retry);
        retry.click();
        Awaitility.await("sent again").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT status FROM mail_outbox WHERE id = CAST(:id AS uuid)").param("id", id).query(String.class).single().equals("SENT"));
        browser.get(url("/ufficio/quesiti/" + code + "?lang=it"));
        assertThat(browser.findElements(By.cssSelector("#deliveries .delivery-failure"))).as("no failure left").isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void save(Path file) throws java.io.IOException {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
