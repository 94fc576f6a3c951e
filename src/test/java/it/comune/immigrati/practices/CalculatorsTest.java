package it.comune.immigrati.practices;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public calculators over HTTP as a resident's browser posts them, without JavaScript and without a
 * token: the worked examples of DOMAIN.md come back with their reckoning, wrong input comes back field by
 * field with a 422, and a figure a supervisor adds is the one the calculator then uses.
 */
@AciTest
class CalculatorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void theCalculatorsPageLeadsToTheThreeAndIsInTheMenu() {
        HttpResponse<String> page = new WebClient(port).get("/calcolatori");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/calcolatori/ricongiungimento\"", "href=\"/calcolatori/idoneita-alloggiativa\"",
                "href=\"/calcolatori/crediti-accordo\"");
        assertThat(new WebClient(port).get("/").body()).contains("href=\"/calcolatori\"");
    }

    @Test
    void theGuideOnAProcedureLeadsToTheCalculatorOfItsRequirement() {
        assertThat(new WebClient(port).get("/guide/ricongiungimento-familiare").body()).contains("href=\"/calcolatori/ricongiungimento\"",
                "href=\"/calcolatori/idoneita-alloggiativa\"", "Calcola il reddito richiesto");
        assertThat(new WebClient(port).get("/guide/accordo-di-integrazione").body()).contains("href=\"/calcolatori/crediti-accordo\"");
        assertThat(new WebClient(port).get("/guide/corsi-di-italiano-cpia").body()).doesNotContain("href=\"/calcolatori/");
    }

    @Test
    void aSpouseAndTwoYoungChildrenNeedTwoAndAHalfAllowancesAndTheHouseholdIncomesAddUp() {
        HttpResponse<String> answer = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("year", "2026", "spouse", "true", "under14", "2", "income", "12.000", "relative1", "6000,00"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"result\"", "€\u00A07.101,12", "2,5 × A", "€\u00A017.752,80", "€\u00A018.000,00",
                "2 figli con meno di 14 anni, insieme", "Il reddito basta.", "546,24 × 13");
        // the form keeps what was typed, to change one figure and calculate again
        assertThat(answer.body()).contains("value=\"12.000\"", "value=\"6000,00\"");
    }

    @Test
    void whatIsMissingIsSaidInEurosAndTheYearChoosesTheAllowance() {
        HttpResponse<String> answer = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("year", "2025", "spouse", "true", "income", "0"));
        assertThat(answer.body()).contains("Il reddito non basta: mancano €\u00A010.504,46 all'anno.");
    }

    @Test
    void holdersOfProtectionAreToldTheyNeedNoIncome() {
        HttpResponse<String> answer = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("protection", "true", "spouse", "true", "under14", "1"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("non devi dimostrare un reddito").doesNotContain("Reddito richiesto");
    }

    @Test
    void anArabicSpeakerTypesArabicDigitsAndReadsTheAnswerInArabic() {
        WebClient resident = new WebClient(port);
        resident.get("/calcolatori?lang=ar");
        HttpResponse<String> answer = resident.post("/calcolatori/ricongiungimento",
                form("year", "2026", "spouse", "true", "income", "١٢٠٠٠"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("lang=\"ar\"", "dir=\"rtl\"", "€\u00A010.651,68", "€\u00A012.000,00");
    }

    @Test
    void anEmptyOrWrongReunificationFormIsExplainedFieldByField() {
        HttpResponse<String> empty = new WebClient(port).post("/calcolatori/ricongiungimento", form("year", "2026"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("<title>Errore:", "id=\"form-errors\"", "href=\"#spouse\"", "href=\"#income\"",
                "Scegli chi vuoi far venire", "Scrivi il tuo reddito annuo").doesNotContain("id=\"result\"");
        HttpResponse<String> wrong = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("year", "2026", "under14", "tre", "parents", "7", "income", "12000", "relative2", "molto"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#under14\"", "href=\"#parents\"", "href=\"#relative2\"",
                "Scrivi il reddito del familiare 2 in euro");
        assertThat(wrong.body()).containsPattern("id=\"relative2\"[^>]*aria-invalid=\"true\"");
    }

    @Test
    void aSeventySquareMetreFlatWithADoubleAndASingleBedroomIsForThree() {
        Map<String, String> flat = form("surface", "70", "height", "2,70", "heating", "true",
                "room1-use", "living-room", "room1-surface", "20", "room1-window", "true",
                "room2-use", "kitchen", "room2-surface", "9", "room2-window", "true",
                "room3-use", "bedroom", "room3-surface", "15", "room3-window", "true",
                "room4-use", "bedroom", "room4-surface", "10,5", "room4-window", "true",
                "room5-use", "bathroom", "room5-surface", "5", "room5-window", "true", "occupants", "3");
        HttpResponse<String> three = new WebClient(port).post("/calcolatori/idoneita-alloggiativa", flat);
        assertThat(three.statusCode()).isEqualTo(200);
        assertThat(three.body()).contains("id=\"result\"", "5 persone", "La casa è adatta per 3 persone.");
        flat.put("occupants", "4");
        assertThat(new WebClient(port).post("/calcolatori/idoneita-alloggiativa", flat).body())
                .contains("La casa non basta per 4 persone: è adatta al massimo per 3 persone.");
        flat.put("height", "2,55");
        flat.remove("room2-window");
        assertThat(new WebClient(port).post("/calcolatori/idoneita-alloggiativa", flat).body())
                .contains("I soffitti sono alti 2,55 m: ne servono almeno 2,7.", "Il soggiorno e la cucina devono avere una finestra che si apre.");
    }

    @Test
    void roomsLargerThanTheFlatOrUnreadableAreRefusedNamingTheRoom() {
        HttpResponse<String> larger = new WebClient(port).post("/calcolatori/idoneita-alloggiativa", form("surface", "30", "height", "2.70",
                "room1-use", "living-room", "room1-surface", "20", "room2-use", "bedroom", "room2-surface", "14", "occupants", "2"));
        assertThat(larger.statusCode()).isEqualTo(422);
        assertThat(larger.body()).contains("Le stanze fanno 34 m² in tutto, più della superficie totale (30 m²)");
        HttpResponse<String> unreadable = new WebClient(port).post("/calcolatori/idoneita-alloggiativa", form("surface", "60", "height", "2,7",
                "room1-use", "living-room", "room1-surface", "20", "room2-use", "bedroom", "room2-surface", "dodici", "room3-surface", "9",
                "occupants", "2"));
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("href=\"#room2-surface\"", "Scrivi la superficie della stanza 2 in metri quadrati",
                "href=\"#room3-use\"", "Scegli il tipo della stanza 3.");
        HttpResponse<String> empty = new WebClient(port).post("/calcolatori/idoneita-alloggiativa", form());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#surface\"", "href=\"#height\"", "href=\"#occupants\"", "href=\"#room1-use\"");
    }

    @Test
    void spokenA2CivicKnowledgeAndTheSessionFulfilTheAgreement() {
        HttpResponse<String> answer = new WebClient(port).post("/calcolatori/crediti-accordo",
                form("italian", "a2", "civic", "a1", "session", "yes", "course1", "120"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<strong>47</strong>", "Corso di 120 ore", "l'accordo risulta rispettato");
        HttpResponse<String> missed = new WebClient(port).post("/calcolatori/crediti-accordo",
                form("italian", "none", "civic", "none", "session", "no"));
        assertThat(missed.body()).contains("<strong>1</strong>", "prorogato di un anno");
        HttpResponse<String> unanswered = new WebClient(port).post("/calcolatori/crediti-accordo",
                form("italian", "a2", "civic", "a1", "course2", "tante"));
        assertThat(unanswered.statusCode()).isEqualTo(422);
        assertThat(unanswered.body()).contains("href=\"#session\"", "href=\"#course2\"");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        HttpResponse<String> forged = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("spouse", "true", "income", "1"), "Sec-Fetch-Site", "cross-site");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void staffReadTheFiguresAndOnlySupervisorsAddOneWhichTheCalculatorThenUses() {
        WebClient operator = new WebClient(port);
        TestStaff.login(operator, TestStaff.create(jdbc, passwords, "OPERATOR"));
        HttpResponse<String> page = operator.get("/ufficio/pratiche/valori");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("€\u00A07.101,12", "D.M. Sanità 5 luglio 1975", "Da controllare sulla fonte", "In vigore oggi")
                .doesNotContain("action=\"/ufficio/pratiche/valori/nuovo\"");
        assertThat(page.body()).contains("name=\"_csrf\""); // the sign-out form's: so a refusal below is for the role
        assertThat(operator.submit("/ufficio/pratiche/valori", "/ufficio/pratiche/valori/nuovo", form("name", "social-allowance", "amount", "1",
                "from", "2031-01-01", "source", "prova")).statusCode()).isEqualTo(403);

        WebClient supervisor = new WebClient(port);
        TestStaff.login(supervisor, TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        HttpResponse<String> refused = supervisor.submit("/ufficio/pratiche/valori", "/ufficio/pratiche/valori/nuovo",
                form("name", "social-allowance", "amount", "", "from", "2031-01-01", "to", "2030-12-31", "source", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#amount\"", "href=\"#to\"", "href=\"#source\"");
        HttpResponse<String> saved = supervisor.submit("/ufficio/pratiche/valori", "/ufficio/pratiche/valori/nuovo",
                form("name", "social-allowance", "amount", "7.300,00", "from", "2031-01-01", "to", "2031-12-31",
                        "source", "INPS, circolare di prova 2031", "verified", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'practices.rule-figure.save' AND record_id = 'social-allowance@2031-01-01'")
                .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> answer = new WebClient(port).post("/calcolatori/ricongiungimento",
                form("year", "2031", "spouse", "true", "income", "10000"));
        assertThat(answer.body()).contains("<option value=\"2031\" selected", "€\u00A010.950,00", "INPS, circolare di prova 2031");
    }
}
