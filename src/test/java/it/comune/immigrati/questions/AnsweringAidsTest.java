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

/** What helps an operator answer well: model answers and the most similar questions already answered. */
@AciTest
class AnsweringAidsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private String asked(String text) {
        HttpResponse<String> sent = ask(new WebClient(port), question("aiuti" + System.nanoTime() + "@example.org", "it", text),
                List.of());
        return matchIn(new WebClient(port).get(WebClient.location(sent)).body(), "(Q-\\d{4}-\\d{6})");
    }

    @Test
    void aSupervisorsModelAnswerStartsTheOperatorsAnswerWithThePlaceholdersFilled() {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient lead = new WebClient(port);
        TestStaff.login(lead, supervisor);
        lead.submit("/ufficio/modelli", "/ufficio/modelli", Map.of("title", "Reddito per il ricongiungimento",
                "topic", "ricongiungimento-familiare", "language", "it",
                "body", "Gentile {{nome}}, per la domanda {{codice}} serve un reddito pari all'assegno sociale aumentato."));
        assertThat(lead.get("/ufficio/modelli").body()).contains("Reddito per il ricongiungimento");
        long id = jdbc.sql("SELECT id FROM canned_answer WHERE title = 'Reddito per il ricongiungimento'")
                .query(Long.class).single();

        String code = asked("Quanto devo guadagnare per portare mia moglie in Italia?");
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        assertThat(office.get("/ufficio/quesiti/" + code).body()).contains("?modello=" + id);
        String prefilled = office.get("/ufficio/quesiti/" + code + "?modello=" + id).body();
        assertThat(prefilled).as("the e-mail greets the resident already: the model's own greeting goes")
                .contains("Per la domanda " + code + " serve un reddito").doesNotContain("Gentile Fatima");
        assertThat(office.get("/ufficio/modelli").statusCode()).as("only supervisors keep them").isEqualTo(403);
    }

    @Test
    void theMostSimilarAnsweredQuestionsStandBesideTheEditor() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, operator);
        String earlier = asked("Vorrei iscrivere mio figlio alla scuola elementare a febbraio, è possibile?");
        office.submitMultipart("/ufficio/quesiti/" + earlier, "/ufficio/quesiti/" + earlier + "/risposta",
                Map.of("text", "Sì, l'iscrizione alla scuola è possibile in ogni momento dell'anno."), List.of());
        String unrelated = asked("Come si rinnova la carta d'identità elettronica?");
        office.submitMultipart("/ufficio/quesiti/" + unrelated, "/ufficio/quesiti/" + unrelated + "/risposta",
                Map.of("text", "Si prenota in anagrafe."), List.of());

        String now = asked("Mia figlia è arrivata ora: posso iscriverla alla scuola elementare anche a marzo?");
        String page = office.get("/ufficio/quesiti/" + now).body();
        String similar = page.substring(page.indexOf("id=\"similar\""));
        assertThat(similar).contains(earlier, "possibile in ogni momento").doesNotContain(unrelated);
    }
}
