package it.comune.immigrati.practices;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident uses the three calculators as a person would, on a phone and a desktop, in Italian, Arabic
 * and Urdu: sends each form empty first, then fills it in and reads the result. After each step: the
 * error pattern, axe-core, nothing sticking out sideways, the right direction; screenshots in
 * target/screenshots (calculator-*).
 */
@AciTest
@Slow
class CalculatorsBrowserTest extends BrowserTestBase {

    private static final Map<String, String> ERROR_PREFIX = Map.of("it", "Errore:", "ar", "خطأ:", "ur", "خرابی:");

    @Test
    void aResidentWorksOutIncomeHousingAndCreditsInTheirLanguage() {
        StringBuilder problems = new StringBuilder();
        for (String language : List.of("it", "ar", "ur")) {
            String prefix = ERROR_PREFIX.get(language);
            for (int width : new int[] { 390, 1366 }) {
                browser.manage().window().setSize(new Dimension(width, 1400));
                String at = language + "-" + width;

                browser.get(url("/calcolatori?lang=" + language));
                check(problems, "index " + at);
                String direction = browser.findElement(By.tagName("html")).getAttribute("dir");
                if (!direction.equals("it".equals(language) ? "ltr" : "rtl")) {
                    problems.append(at).append(": the page is ").append(direction).append('\n');
                }
                browser.findElement(By.cssSelector("a[href='/calcolatori/ricongiungimento']")).click();
                submit();
                errors(problems, "reunification empty " + at, prefix, List.of("spouse", "income"));
                tick("spouse");
                type("under14", "2");
                type("income", "12000");
                type("relative1", "6000");
                result(problems, "reunification " + at);
                assertThat(browser.findElement(By.id("result")).getText()).contains("17.752,80", "18.000,00");

                browser.get(url("/calcolatori/idoneita-alloggiativa"));
                submit();
                errors(problems, "housing empty " + at, prefix, List.of("surface", "height", "occupants", "room1-use"));
                type("surface", "70");
                type("height", "2,70");
                tick("heating");
                room(1, "living-room", "20");
                room(2, "kitchen", "9");
                room(3, "bedroom", "15");
                room(4, "bedroom", "10");
                room(5, "bathroom", "5");
                type("occupants", "3");
                result(problems, "housing " + at);
                assertThat(browser.findElements(By.cssSelector("#result .aci-verdict-ok"))).as("housing " + at + " fits").hasSize(1);

                browser.get(url("/calcolatori/crediti-accordo"));
                submit();
                errors(problems, "credits empty " + at, prefix, List.of("session"));
                new Select(browser.findElement(By.id("italian"))).selectByValue("a2");
                new Select(browser.findElement(By.id("civic"))).selectByValue("a1");
                tick("session");
                type("course1", "120");
                result(problems, "credits " + at);
                assertThat(browser.findElement(By.cssSelector("#result tfoot")).getText()).contains("47");
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
        assertThat(problems.toString()).isEmpty();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void tick(String id) {
        WebElement box = browser.findElement(By.id(id));
        if (!box.isSelected()) {
            // as a person does: Bootstrap Italia draws the box with the label, which takes the tap
            WebElement label = browser.findElement(By.cssSelector("label[for='" + id + "']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
            label.click();
        }
    }

    private void room(int number, String use, String surface) {
        new Select(browser.findElement(By.id("room" + number + "-use"))).selectByValue(use);
        type("room" + number + "-surface", surface);
        tick("room" + number + "-window");
    }

    private void submit() {
        WebElement button = browser.findElement(By.cssSelector("form.aci-form button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void errors(StringBuilder problems, String what, String prefix, List<String> fields) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        Browser.errorPatternProblems(browser, prefix, fields).forEach(p -> problems.append(what).append(": ").append(p).append('\n'));
        check(problems, what);
    }

    private void result(StringBuilder problems, String what) {
        submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        if (!browser.findElements(By.id("form-errors")).isEmpty()) {
            problems.append(what).append(": ").append(browser.findElement(By.id("form-errors")).getText()).append('\n');
        }
        Object focused = Browser.focusedId(browser, "result");
        if (!"result".equals(focused)) {
            problems.append(what).append(": the focus is on \"").append(focused).append("\", not on the result\n");
        }
        Browser.screenshot(browser, "calculator-" + what.replace(' ', '-') + "-seen");
        check(problems, what);
    }

    private void check(StringBuilder problems, String what) {
        Browser.pageProblems(browser, what).forEach(p -> problems.append(p).append('\n'));
        Browser.fullPageScreenshot(browser, "calculator-" + what.replace(' ', '-'));
    }
}
