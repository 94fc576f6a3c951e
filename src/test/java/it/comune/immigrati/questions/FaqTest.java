package it.comune.immigrati.questions;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.matchIn;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/** From an answered question to a public, anonymised, searchable FAQ, and back off the site. */
@AciTest
class FaqTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private String answeredQuestion(WebClient office, String text, String answer, boolean consent) {
        Map<String, String> fields = question("faq" + System.nanoTime() + "@example.org", "it", text);
        fields.put("name", "Mariam Diallo");
        if (!consent) {
            fields.remove("publish");
        }
        HttpResponse<String> sent = ask(new WebClient(port), fields, List.of());
        String code = matchIn(new WebClient(port).get(WebClient.location(sent)).body(), "(Q-\\d{4}-\\d{6})");
        office.submitMultipart("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/risposta", Map.of("text", answer), List.of());
        return code;
    }

    @Test
    void anAnsweredQuestionBecomesAnAnonymisedFaqThatResidentsFindInTheirLanguage() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        String code = answeredQuestion(office,
                "Mi chiamo Mariam Diallo, telefono 333 987 6543. Quanto costa il rinnovo del permesso di soggiorno per lavoro?",
                "Il kit postale costa 30 euro di spedizione, 16 euro di marca da bollo e il bollettino secondo la durata.", true);
        assertThat(office.get("/ufficio/quesiti/" + code).body()).contains("id=\"make-faq\"");
        HttpResponse<String> drafted = office.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/faq", Map.of());
        assertThat(drafted.statusCode()).isEqualTo(302);
        String editor = WebClient.location(drafted);
        assertThat(editor).matches("/ufficio/faq/\\d+");

        TestStaff.Account editorAccount = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient redazione = new WebClient(port);
        TestStaff.login(redazione, editorAccount);
        String draft = redazione.get(editor + "?testo=it").body();
        assertThat(draft).contains("Quanto costa il rinnovo", "[nome]", "[telefono]").doesNotContain("Mariam", "Diallo", "987 6543");

        String id = editor.substring(editor.lastIndexOf('/') + 1);
        redazione.submit(editor + "?testo=it", "/ufficio/faq/" + id + "/testo", Map.of("lang", "it",
                "question", "Quanto costa il rinnovo del permesso di soggiorno?",
                "answer", "Il **kit postale** costa 30 euro di spedizione, 16 euro di marca da bollo e il bollettino."));
        var saved = redazione.submit(editor + "?testo=en", "/ufficio/faq/" + id + "/testo", Map.of("lang", "en",
                "question", "How much does renewing a residence permit cost?",
                "answer", "The postal kit costs 30 euros for postage plus a 16 euro revenue stamp."));
        // the English text is edited inside the editor's Italian interface, which stays Italian
        String englishEditor = redazione.browse(WebClient.location(saved)).body();
        assertThat(englishEditor).contains("<html lang=\"it\"", "How much does renewing a residence permit cost?");
        assertThat(redazione.get("/ufficio").body()).as("the interface language did not change").contains("<html lang=\"it\"");
        redazione.submit(editor, "/ufficio/faq/" + id + "/dati", Map.of("slug", "costo-rinnovo-" + id, "topic", "permesso-di-soggiorno"));
        assertThat(new WebClient(port).get("/faq/costo-rinnovo-" + id).statusCode()).as("not before publishing").isEqualTo(404);
        redazione.submit(editor, "/ufficio/faq/" + id + "/pubblica", Map.of());
        assertThat(new WebClient(port).get("/faq/costo-rinnovo-" + id).statusCode())
                .as("not without the editor's word that no personal data is left").isEqualTo(404);
        assertThat(redazione.get(editor).body()).contains("non contenga dati personali");
        redazione.submit(editor, "/ufficio/faq/" + id + "/pubblica", Map.of("noPersonalData", "true"));

        WebClient italian = new WebClient(port);
        assertThat(italian.get("/faq").body()).contains("Quanto costa il rinnovo del permesso di soggiorno?");
        String page = italian.get("/faq/costo-rinnovo-" + id).body();
        assertThat(page).contains("<strong>kit postale</strong>").doesNotContain("Mariam");
        String results = italian.get("/faq?q=rinnovi+bolli").body();
        assertThat(results).contains("/faq/costo-rinnovo-" + id, "<mark>", "kit postale").as("snippets are text, not Markdown").doesNotContain("**");
        assertThat(italian.get("/quesiti/suggerimenti?text=quanto+costa+rinnovare+il+permesso").body())
                .contains("/faq/costo-rinnovo-" + id);

        WebClient english = new WebClient(port);
        english.get("/?lang=en");
        assertThat(english.get("/faq/costo-rinnovo-" + id).body()).contains("How much does renewing");
        assertThat(english.get("/faq?q=renewing+permit").body()).contains("/faq/costo-rinnovo-" + id);
        WebClient french = new WebClient(port);
        french.get("/?lang=fr");
        String fallback = french.get("/faq/costo-rinnovo-" + id).body();
        assertThat(fallback).contains("<html lang=\"fr\"", "lang=\"it\"", "Quanto costa il rinnovo");
        assertThat(french.get("/faq?q=rinnovo").body()).contains("/faq/costo-rinnovo-" + id);

        redazione.submit(editor, "/ufficio/faq/" + id + "/ritira", Map.of());
        assertThat(new WebClient(port).get("/faq/costo-rinnovo-" + id).statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/faq?q=rinnovo+permesso").body()).doesNotContain("/faq/costo-rinnovo-" + id);
    }

    @Test
    void withoutTheResidentsConsentThereIsNoFaq() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        String code = answeredQuestion(office, "Una domanda privata sul mio caso personale.", "Una risposta sul caso.", false);
        assertThat(office.get("/ufficio/quesiti/" + code).body()).doesNotContain("id=\"make-faq\"");
        assertThat(office.submit("/ufficio/quesiti/" + code, "/ufficio/quesiti/" + code + "/faq", Map.of()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void searchesThatFindNothingAreCounted() {
        new WebClient(port).get("/faq?q=parola+introvabile+xyz");
        assertThat(jdbc.sql("SELECT count(*) FROM search_miss WHERE query = 'parola introvabile xyz'").query(Integer.class).single())
                .isEqualTo(1);
    }
}
