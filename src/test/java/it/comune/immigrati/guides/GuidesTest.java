package it.comune.immigrati.guides;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The public guides (demo starter content), search over them, the editorial workflow over HTTP, clarity answers. */
@AciTest
class GuidesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theStarterGuidesArePublicByLifeSituationAndTopic() {
        WebClient visitor = new WebClient(port);
        String list = visitor.get("/guide").body();
        for (String slug : new String[] { "permesso-di-soggiorno-richiesta-e-rinnovo", "permesso-ue-soggiornanti-lungo-periodo",
                "ricongiungimento-familiare", "certificato-idoneita-alloggiativa", "accordo-di-integrazione",
                "iscrizione-anagrafica-cittadini-stranieri", "iscrizione-anagrafica-cittadini-ue",
                "iscrizione-servizio-sanitario-nazionale", "iscrizione-scuola-minori-stranieri", "casa-popolare-sap-lombardia",
                "corsi-di-italiano-cpia", "cittadinanza-italiana" }) {
            assertThat(list).as(slug).contains("href=\"/guide/" + slug + "\"");
        }
        String school = visitor.get("/guide?situazione=scuola").body();
        assertThat(school).contains("/guide/iscrizione-scuola-minori-stranieri").doesNotContain("/guide/cittadinanza-italiana\"");
        String health = visitor.get("/guide?tema=salute").body();
        assertThat(health).contains("/guide/iscrizione-servizio-sanitario-nazionale")
                .doesNotContain("/guide/ricongiungimento-familiare\"");
        assertThat(visitor.get("/guide/guida-che-non-esiste").statusCode()).isEqualTo(404);

        String italian = visitor.get("/guide/ricongiungimento-familiare").body();
        assertThat(italian).contains("<h1>Ricongiungimento familiare</h1>", "Indice della pagina",
                "<h2 id=\"sezione-1\">A chi è rivolto</h2>", "Fonti ufficiali", "normattiva.it",
                "Quanto sono chiare le informazioni su questa pagina?", "(cifra da confermare)")
                .doesNotContain("id=\"fallback\"");
    }

    @Test
    void aTranslatedGuideIsShownInTheVisitorsLanguageAndAnUntranslatedOneInItalianWithANotice() {
        WebClient visitor = new WebClient(port);
        visitor.get("/?lang=ar");
        String arabic = visitor.get("/guide/ricongiungimento-familiare").body();
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "class=\"aci-article aci-guide\" lang=\"ar\" dir=\"rtl\"")
                .doesNotContain("id=\"fallback\"");
        // every starter guide is translated: a guide published in Italian only
        String slug = italianOnlyGuide("Lavoro domestico");
        String fallback = visitor.get("/guide/" + slug).body();
        assertThat(fallback).contains("id=\"fallback\"", "class=\"aci-article aci-guide\" lang=\"it\" dir=\"ltr\"",
                "href=\"/quesiti/nuovo\"", "<h1>Lavoro domestico");
        String list = visitor.get("/guide").body();
        assertThat(list).contains("<li class=\"aci-card\" lang=\"ar\" dir=\"rtl\">", "<li class=\"aci-card\" lang=\"it\" dir=\"ltr\">");

        WebClient english = new WebClient(port);
        assertThat(english.get("/guide/iscrizione-scuola-minori-stranieri?lang=en").body())
                .contains("School enrolment for foreign children", "lang=\"en\"").doesNotContain("id=\"fallback\"");
        assertThat(english.get("/guide/" + slug + "?lang=uk").body()).contains("id=\"fallback\"");
    }

    /** A new guide, written, approved and published in Italian only; its address. */
    private String italianOnlyGuide(String title) {
        WebClient editor = loggedIn(TestStaff.create(jdbc, passwords, "EDITOR"));
        WebClient supervisor = loggedIn(TestStaff.create(jdbc, passwords, "SUPERVISOR"));
        String slug = "solo-italiano-" + System.nanoTime();
        String editorPage = WebClient.location(editor.submit("/ufficio/guide", "/ufficio/guide",
                Map.of("slug", slug, "topic", "lavoro", "title", title)));
        save(editor, editorPage, title, "## Come fare\n\nChiedi allo sportello.", "");
        post(editor, editorPage, editorPage + "/invia");
        post(supervisor, editorPage, editorPage + "/approva");
        return slug;
    }

    @Test
    void searchFindsGuidesByStemAccentAndTypoInEachLanguage() {
        WebClient visitor = new WebClient(port);
        // Italian: a verb finds the noun (rinnovare → rinnovo); accents folded; a misspelling still finds the guide
        assertThat(firstHit(visitor, "rinnovare il permesso", "it")).isEqualTo("/guide/permesso-di-soggiorno-richiesta-e-rinnovo");
        assertThat(firstHit(visitor, "idoneita alloggiativa", "it")).isEqualTo("/guide/certificato-idoneita-alloggiativa");
        assertThat(firstHit(visitor, "ricongiungimeno famigliare", "it")).isEqualTo("/guide/ricongiungimento-familiare");
        // English: "enrolling" and "enrolment" share a stem
        assertThat(firstHit(visitor, "enrolling children school", "en")).isEqualTo("/guide/iscrizione-scuola-minori-stranieri");
        // French: without accents, plural for singular
        assertThat(firstHit(visitor, "medecins famille", "fr")).isEqualTo("/guide/iscrizione-servizio-sanitario-nazionale");
        // Arabic: "doctor" without the article finds "the doctor"
        assertThat(firstHit(visitor, "طبيب", "ar")).isEqualTo("/guide/iscrizione-servizio-sanitario-nazionale");

        String page = visitor.get("/cerca?q=cittadinanza&tipo=guide&tema=cittadinanza&lang=it").body();
        assertThat(page).contains("/guide/cittadinanza-italiana", "<mark>").doesNotContain("/guide/ricongiungimento-familiare\"");
        String suggestions = visitor.get("/cerca/suggerimenti?q=tessera+sanit").body();
        assertThat(suggestions).contains("/guide/iscrizione-servizio-sanitario-nazionale").doesNotContain("<html");
        assertThat(visitor.get("/").body()).contains("hx-get=\"/cerca/suggerimenti\"", "data-htmx=\"/webjars/htmx.org/");
    }

    /**
     * Ukrainian, Chinese, Bengali and Urdu searches while no guide is in those languages: the guides of
     * the topic the words name (here in Italian) and the desk; words that name no topic get the topics.
     */
    @Test
    void aSearchInAScriptWithoutContentOffersTheGuidesOfItsTopicAndTheDesk() {
        for (String[] search : new String[][] { { "uk", "дозвіл на проживання" }, { "zh", "居留许可" },
                { "bn", "বসবাসের অনুমতি" }, { "ur", "رہائشی اجازت نامہ" } }) {
            WebClient visitor = new WebClient(port);
            visitor.get("/?lang=" + search[0]);
            String page = visitor.get("/cerca?q=" + java.net.URLEncoder.encode(search[1], java.nio.charset.StandardCharsets.UTF_8)).body();
            boolean translated = jdbc.sql("SELECT count(*) FROM guide_translation WHERE language = :l AND published_version_id IS NOT NULL")
                    .param("l", search[0]).query(Integer.class).single() > 0;
            if (translated) {
                // once the guides are in the language, the search finds the permit guide in it
                assertThat(page).as(search[0]).contains("/guide/permesso-di-soggiorno-richiesta-e-rinnovo")
                        .doesNotContain("id=\"no-results\"");
                continue;
            }
            assertThat(page).as(search[0]).contains("id=\"no-results\"", "id=\"suggested\"",
                    "/guide/permesso-di-soggiorno-richiesta-e-rinnovo", "/guide?tema=permesso-di-soggiorno", "href=\"/quesiti/nuovo\"");
        }
        WebClient visitor = new WebClient(port);
        visitor.get("/?lang=uk");
        String nothing = visitor.get("/cerca?q=" + java.net.URLEncoder.encode("автомобіль", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(nothing).contains("id=\"suggested\"", "/guide?tema=casa", "/guide?tema=salute", "href=\"/quesiti/nuovo\"");
    }

    @Test
    void aSearchWithNothingInTheVisitorsLanguageOffersItalianPagesAndIsCountedForEditors() {
        WebClient visitor = new WebClient(port);
        visitor.get("/?lang=en");
        // a word of the Italian guides that their English translations do not use
        String page = visitor.get("/cerca?q=passaporto").body();
        assertThat(page).contains("id=\"italian-results\"", "/guide/permesso-di-soggiorno-richiesta-e-rinnovo");
        assertThat(jdbc.sql("SELECT count(*) FROM search_miss WHERE language = 'en' AND query = 'passaporto'")
                .query(Integer.class).single()).as("answered by an Italian page: not a miss").isZero();
        visitor.get("/cerca?q=zzqxwv+nessuna");
        assertThat(jdbc.sql("SELECT misses FROM search_miss WHERE language = 'en' AND query = 'zzqxwv nessuna'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aGuideGoesFromDraftThroughReviewToPublishedAndTranslationsGoStaleWhenItalianChanges() {
        TestStaff.Account author = TestStaff.create(jdbc, passwords, "EDITOR");
        TestStaff.Account reviewer = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        TestStaff.Account mediator = TestStaff.create(jdbc, passwords, "MEDIATOR");
        WebClient editor = loggedIn(author);
        WebClient supervisor = loggedIn(reviewer);
        WebClient translator = loggedIn(mediator);
        String slug = "prova-flusso-" + System.nanoTime();

        HttpResponse<String> created = editor.submit("/ufficio/guide", "/ufficio/guide",
                Map.of("slug", slug, "topic", "lavoro", "title", "Lavoro stagionale"));
        assertThat(created.statusCode()).isEqualTo(302);
        String editorPage = WebClient.location(created);
        assertThat(editorPage).matches("/ufficio/guide/\\d+/it");
        String guidePath = editorPage.substring(0, editorPage.length() - 3);
        save(editor, editorPage, "Lavoro stagionale", "## Come fare\n\nChiedi il nulla osta. <script>alert(1)</script> "
                + "[link](javascript:alert(2))", "Testo unico immigrazione | https://www.normattiva.it/ | 2026-11-01");
        assertThat(new WebClient(port).get("/guide/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);

        post(editor, editorPage, editorPage + "/invia");
        assertThat(editor.get(editorPage).body()).contains("<strong id=\"state\">In revisione</strong>");
        assertThat(supervisor.get("/ufficio").body()).as("the staff home counts what waits for approval")
                .containsPattern("class=\"aci-tile-count\">\\d+ in revisione<");
        assertThat(translator.get("/ufficio").body()).as("not for those who do not approve").doesNotContain("aci-tile-count");
        assertThat(editor.get(editorPage).body()).as("no approve button on one's own text")
                .contains("id=\"own-review\"").doesNotContain("id=\"approve\"");
        assertThat(supervisor.get(editorPage).body()).contains("id=\"approve\"");
        // the reviewers are told, by e-mail and on their home; the list says who may approve what
        assertThat(jdbc.sql("SELECT recipient FROM mail_outbox WHERE related_type = 'guide-review' AND subject = :s")
                .param("s", "Da approvare: Lavoro stagionale").query(String.class).list())
                .contains(reviewer.username() + "@test.local").doesNotContain(author.username() + "@test.local");
        assertThat(supervisor.get("/ufficio").body()).containsPattern("la tua approvazione</a>")
                .contains("href=\"/ufficio/guide/da-approvare\"");
        assertThat(row(supervisor.get("/ufficio/guide/da-approvare").body(), slug)).contains("Puoi approvarlo", author.username());
        assertThat(row(editor.get("/ufficio/guide/da-approvare").body(), slug)).contains("Lo approva un collega");
        HttpResponse<String> own = post(editor, editorPage, editorPage + "/approva");
        assertThat(editor.browse(WebClient.location(own)).body()).as("four eyes").contains("id=\"problem\"");
        assertThat(post(translator, editorPage, editorPage + "/approva").statusCode()).as("mediators do not approve")
                .isEqualTo(403);
        post(supervisor, editorPage, editorPage + "/approva");
        String published = new WebClient(port).get("/guide/" + slug).body();
        assertThat(published).contains("<h1>Lavoro stagionale</h1>", "Chiedi il nulla osta", "verificata il")
                .doesNotContain("<script>alert", "javascript:");

        // a mediator translates into Spanish; the supervisor approves it
        String spanish = guidePath + "/es";
        assertThat(translator.get(spanish).body()).as("starts from the Italian text").contains("Chiedi il nulla osta");
        save(translator, spanish, "Trabajo de temporada", "## Cómo hacerlo\n\nPide el nulla osta.", "");
        post(translator, spanish, spanish + "/invia");
        post(supervisor, spanish, spanish + "/approva");
        assertThat(new WebClient(port).get("/guide/" + slug + "?lang=es").body()).contains("Trabajo de temporada")
                .doesNotContain("id=\"fallback\"");
        assertThat(coverageCell(editor, slug, "es")).contains("pubblicata");

        // the Italian text changes and is published again: the Spanish translation is now stale
        save(editor, editorPage, "Lavoro stagionale", "## Come fare\n\nChiedi il nulla osta allo Sportello unico.", "");
        post(editor, editorPage, editorPage + "/invia");
        post(supervisor, editorPage, editorPage + "/approva");
        assertThat(coverageCell(editor, slug, "es")).contains("da aggiornare");
        String staleEditor = translator.get(spanish).body();
        assertThat(staleEditor).contains("id=\"stale\"");
        // the translator is shown what changed in the Italian since the translation, not only the whole text
        assertThat(staleEditor.substring(staleEditor.indexOf("id=\"italian-changes\""))).contains(
                "<del class=\"aci-diff-del\">", "</span>Chiedi il nulla osta. &lt;script&gt;", "<ins class=\"aci-diff-add\">",
                "allo Sportello unico.</ins>");
        assertThat(new WebClient(port).get("/guide/" + slug).body()).contains("allo Sportello unico");
        // residents reading the Spanish page are told, in Spanish, and pointed to the current Italian text
        String stale = new WebClient(port).get("/guide/" + slug + "?lang=es").body();
        assertThat(stale).contains("id=\"stale\"", "El texto italiano de esta guía ha cambiado", "Pide el nulla osta",
                "href=\"/guide/" + slug + "?testo=it\"").doesNotContain("verificada el", "Revisada por la oficina el");
        WebClient reader = new WebClient(port);
        reader.get("/?lang=es");
        String italianText = reader.get("/guide/" + slug + "?testo=it").body();
        assertThat(italianText).contains("allo Sportello unico", "<html lang=\"es\"").doesNotContain("id=\"stale\"");
        // translating it again from the current Italian removes the notice
        save(translator, spanish, "Trabajo de temporada", "## Cómo hacerlo\n\nPide el nulla osta a la Ventanilla única.", "");
        post(translator, spanish, spanish + "/invia");
        post(supervisor, spanish, spanish + "/approva");
        assertThat(new WebClient(port).get("/guide/" + slug + "?lang=es").body()).contains("Ventanilla única")
                .doesNotContain("id=\"stale\"");
        assertThat(translator.get(spanish).body()).doesNotContain("id=\"italian-changes\"");

        // every save is a version, with author and a diff
        String versions = editor.get(editorPage).body();
        assertThat(versions).contains("id=\"v1\"", "id=\"v2\"", "id=\"v3\"", author.username());
        String diff = editor.get(editorPage + "/confronto?da=2&a=3").body();
        assertThat(diff).contains("<del class=\"aci-diff-del\">", "Chiedi il nulla osta.", "<ins class=\"aci-diff-add\">",
                "allo Sportello unico");
    }

    /** The permit guide's fee table is a table, and the editors' marks are a note in the reader's language. */
    @Test
    void tablesAreTablesAndEditorsMarksAreANoteInTheReadersLanguage() {
        String arabic = new WebClient(port).get("/guide/permesso-di-soggiorno-richiesta-e-rinnovo?lang=ar").body();
        assertThat(arabic).contains("<table>", "<th>", "class=\"aci-unconfirmed\">(رقم بانتظار التأكيد)")
                .doesNotContain("| ---", "|---", "[da verificare]");
        String italian = new WebClient(port).get("/guide/permesso-di-soggiorno-richiesta-e-rinnovo").body();
        assertThat(italian).contains("<table>", "(cifra da confermare)").doesNotContain("[da verificare]");
    }

    @Test
    void readersSayHowClearAGuideIsWithoutJavaScriptAndEditorsSeeIt() {
        WebClient visitor = new WebClient(port);
        String step = visitor.get("/guide/corsi-di-italiano-cpia/valutazione?voto=2").body();
        assertThat(step).contains("name=\"motivo\" value=\"poco-chiare\"", "name=\"voto\" value=\"2\"");
        Map<String, String> answer = new LinkedHashMap<>(Map.of("voto", "2", "motivo", "incomplete"));
        HttpResponse<String> sent = visitor.submit("/guide/corsi-di-italiano-cpia/valutazione?voto=2",
                "/guide/corsi-di-italiano-cpia/valutazione", answer);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(visitor.browse(WebClient.location(sent)).body()).contains("id=\"thanks\"");

        HttpResponse<String> bad = visitor.submit("/guide/corsi-di-italiano-cpia/valutazione?voto=5",
                "/guide/corsi-di-italiano-cpia/valutazione", Map.of("voto", "5", "motivo", "incomplete"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Scegli una risposta tra quelle proposte");
        assertThat(visitor.post("/guide/corsi-di-italiano-cpia/valutazione", Map.of("voto", "4")).statusCode())
                .as("CSRF token required").isEqualTo(403);

        WebClient editor = loggedIn(TestStaff.create(jdbc, passwords, "EDITOR"));
        long id = jdbc.sql("SELECT id FROM guide WHERE slug = 'corsi-di-italiano-cpia'").query(Long.class).single();
        String page = editor.get("/ufficio/guide/" + id).body();
        assertThat(page).contains("id=\"feedback-summary\"", "Mancavano delle informazioni: 1");
    }

    @Test
    void aRefusedRestoreGoesBackToTheEditorWithTheReason() {
        WebClient editor = loggedIn(TestStaff.create(jdbc, passwords, "EDITOR"));
        long id = jdbc.sql("SELECT id FROM guide WHERE slug = 'corsi-di-italiano-cpia'").query(Long.class).single();
        String editorPage = "/ufficio/guide/" + id + "/it";
        HttpResponse<String> refused = post(editor, editorPage, editorPage + "/versioni/9999/ripristina");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(refused)).isEqualTo(editorPage);
        assertThat(editor.get(editorPage).statusCode()).isEqualTo(200);
    }

    private WebClient loggedIn(TestStaff.Account account) {
        WebClient client = new WebClient(port);
        TestStaff.login(client, account);
        return client;
    }

    private static void save(WebClient client, String editorPage, String title, String body, String sources) {
        HttpResponse<String> saved = client.submit(editorPage, editorPage,
                Map.of("title", title, "summary", "In breve.", "body", body, "fonti", sources));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }

    private static HttpResponse<String> post(WebClient client, String formPage, String action) {
        return client.submit(formPage, action, Map.of());
    }

    /** The row of the reviewers' list for one guide. */
    private static String row(String page, String slug) {
        int start = page.indexOf("data-slug=\"" + slug + "\"");
        assertThat(start).as("row of " + slug).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String coverageCell(WebClient client, String slug, String language) {
        String table = client.get("/ufficio/guide").body();
        Matcher row = Pattern.compile("<tr data-slug=\"" + slug + "\">(.*?)</tr>", Pattern.DOTALL).matcher(table);
        assertThat(row.find()).isTrue();
        Matcher cell = Pattern.compile("<td data-lang=\"" + language + "\">(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
        assertThat(cell.find()).isTrue();
        return cell.group(1);
    }

    private static String firstHit(WebClient client, String query, String language) {
        String json = client.get("/api/v1/search?tipo=guide&lang=" + language + "&q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), "Accept", "application/json").body();
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(json);
        assertThat(url.find()).as(query + " → " + json).isTrue();
        return url.group(1);
    }
}
