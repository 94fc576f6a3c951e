package it.comune.immigrati.mail.internal;

import com.ibm.icu.text.Bidi;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mails in right-to-left languages: what is put into a sentence (a code, an address, the office's name)
 * is isolated, so it keeps its place in the sentence the translator wrote.
 */
@AciTest
class MailRendererTest {

    @Autowired
    MailRenderer renderer;

    private MailRenderer.Rendered received(Language language) {
        return renderer.render(MailMessage.to("resident@example.org", language)
                .subject("questions.mail.received.subject", "Q-2026-0042")
                .paragraph("questions.mail.received.body", "Q-2026-0042")
                .action("questions.mail.received.action", "https://example.org/q/abc"));
    }

    /** The line as a reader sees it, left to right, laid out as a right-to-left paragraph (the HTML part). */
    private static String shown(String line) {
        Bidi bidi = new Bidi(line, Bidi.RTL);
        return bidi.writeReordered(Bidi.REMOVE_BIDI_CONTROLS);
    }

    @Test
    void insertedTextIsIsolatedInArabicAndUrduAndNotInItalian() {
        for (Language language : new Language[] { Language.AR, Language.UR }) {
            MailRenderer.Rendered mail = received(language);
            assertThat(mail.subject()).as(language.code()).contains("\u2068Q-2026-0042\u2069");
            assertThat(mail.text()).as(language.code()).contains("\u2068Q-2026-0042\u2069", "\u2068immigrati@");
            assertThat(mail.html()).as(language.code()).contains("\u2068Q-2026-0042\u2069", "dir=\"rtl\"");
        }
        MailRenderer.Rendered italian = received(Language.IT);
        assertThat(italian.text()).contains("Q-2026-0042").doesNotContain("\u2068", "\u2069");
    }

    /**
     * "{0} – {1}" in Arabic is read right to left: the office ({0}) stands to the right of the Comune
     * ({1}). Without isolates the two Latin names would join into one left-to-right run, the Comune first.
     */
    @Test
    void twoLatinNamesInAnArabicSentenceStayInTheTranslatorsOrder() {
        String signature = received(Language.AR).text().lines().filter(line -> line.contains("Saronno")).findFirst().orElseThrow();
        String visual = shown(signature);
        assertThat(visual.indexOf("Ufficio")).as(visual).isGreaterThan(visual.indexOf("Saronno"));
        String plain = signature.replace("\u2068", "").replace("\u2069", "");
        String joined = shown(plain);
        assertThat(joined.indexOf("Ufficio")).as("without isolates: " + joined).isLessThan(joined.indexOf("Saronno"));
    }

    /** The three e-mails a resident gets, composed as the desk composes them. */
    private static java.util.Map<String, MailMessage> residentMails(Language language) {
        return java.util.Map.of(
                "received", MailMessage.to("resident@example.org", language)
                        .subject("questions.mail.received.subject", "Q-2026-0042")
                        .paragraph("questions.mail.received.body", "Q-2026-0042")
                        .paragraph("questions.mail.received.when", 5)
                        .action("questions.mail.received.action", "https://example.org/quesiti/privata/abc")
                        .paragraph("questions.mail.received.keep"),
                "answer", MailMessage.to("resident@example.org", language)
                        .subject("questions.mail.answer.subject", "Q-2026-0042")
                        .paragraph("questions.mail.answer.intro", "Q-2026-0042")
                        .verbatim("Risposta dell'operatore.")
                        .action("questions.mail.answer.action", "https://example.org/quesiti/privata/abc")
                        .paragraph("questions.mail.answer.reply").writtenByPerson(),
                "too-large", MailMessage.to("resident@example.org", language)
                        .subject("mail.too-large.subject", "Documenti")
                        .paragraph("mail.too-large.body", 31L, 25L)
                        .action("mail.too-large.action", "https://example.org/quesiti/nuovo"));
    }

    /**
     * Every e-mail a resident gets, in each of the eleven languages: no sentence left in Italian, no
     * placeholder left unfilled. The HTML parts are written to target/mail-preview to be looked at.
     */
    @Test
    void everyResidentMailIsWrittenWhollyInEachLanguage() throws Exception {
        java.nio.file.Path previews = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "mail-preview"));
        StringBuilder problems = new StringBuilder();
        for (var name : residentMails(Language.IT).keySet()) {
            MailRenderer.Rendered italian = renderer.render(residentMails(Language.IT).get(name));
            java.util.Set<String> italianLines = italian.text().lines().filter(line -> line.length() > 12 && !line.contains("://")
                    && !line.contains("Saronno") && !line.contains("operatore")).collect(java.util.stream.Collectors.toSet());
            for (Language language : Language.values()) {
                MailRenderer.Rendered mail = renderer.render(residentMails(language).get(name));
                java.nio.file.Files.writeString(previews.resolve(language.code() + "-" + name + ".html"), mail.html());
                if (mail.text().matches("(?s).*\\{\\d.*") || mail.subject().contains("{")) {
                    problems.append(language.code()).append(' ').append(name).append(": a placeholder is left\n");
                }
                if (language != Language.IT) {
                    mail.text().lines().filter(italianLines::contains).forEach(line -> problems.append(language.code()).append(' ')
                            .append(name).append(" still in Italian: ").append(line).append('\n'));
                    if (mail.subject().equals(italian.subject())) {
                        problems.append(language.code()).append(' ').append(name).append(": the subject is Italian\n");
                    }
                }
            }
        }
        assertThat(problems.toString()).isEmpty();
    }
}
