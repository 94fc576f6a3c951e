package it.comune.immigrati.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Editors keep the words residents use for the same thing; the next search finds the pages through them. */
@AciTest
class SynonymsTest {

    private static final String PAGE = "/ufficio/ricerche/sinonimi";

    @LocalServerPort
    int port;

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private List<String> refs(String text, Language language) {
        return search.search(text, language, List.of("test"), null, 10).hits().stream().map(Search.Hit::ref).toList();
    }

    @Test
    void theStarterListsAreInEveryLanguageAndAColloquialWordFindsTheGuide() {
        assertThat(jdbc.sql("SELECT count(*) FROM search_synonyms WHERE groups <> ''").query(Integer.class).single())
                .isEqualTo(Language.values().length);
        // "pds" is in no guide: the Italian starter list says it is the permesso di soggiorno
        assertThat(search.search("pds scaduto", Language.IT, List.of("guide"), null, 3).hits()).extracting(Search.Hit::ref)
                .first().isEqualTo("permesso-di-soggiorno-richiesta-e-rinnovo");
    }

    @Test
    void anEditorAddsAGroupAndTheNextSearchUsesIt() {
        transactions.executeWithoutResult(s -> index.put(new SearchIndex.Document("test", "sinonimi", Language.EN,
                "Registering a newborn child", "At the registry office.", "Within ten days of the birth.", "/test/sinonimi",
                null, Instant.now())));
        assertThat(refs("baby papers", Language.EN)).isEmpty();

        WebClient office = new WebClient(port);
        TestStaff.login(office, TestStaff.create(jdbc, passwords, "EDITOR"));
        String page = office.get(PAGE + "?lingua=en").body();
        assertThat(page).contains("id=\"synonyms-text\"", "lang=\"en\"");
        String list = jdbc.sql("SELECT groups FROM search_synonyms WHERE language = 'en'").query(String.class).single();
        HttpResponse<String> saved = office.submit(PAGE + "?lingua=en", PAGE,
                Map.of("lingua", "en", "testo", list + "\nbaby papers, registering a newborn, birth registration\n"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(office.get(saved.headers().firstValue("Location").orElseThrow()).body()).contains("id=\"synonyms-saved\"");

        assertThat(refs("baby papers", Language.EN)).containsExactly("sinonimi");
        assertThat(new WebClient(port).get("/cerca?lang=en&q=" + URLEncoder.encode("baby papers", StandardCharsets.UTF_8)).body())
                .contains("/test/sinonimi");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'search.synonyms-change'").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void aGroupOfOneWordIsRefusedWithItsLineAndTheListIsKept() {
        WebClient office = new WebClient(port);
        TestStaff.login(office, TestStaff.create(jdbc, passwords, "EDITOR"));
        String before = jdbc.sql("SELECT groups FROM search_synonyms WHERE language = 'fr'").query(String.class).single();
        HttpResponse<String> refused = office.submit(PAGE + "?lingua=fr", PAGE,
                Map.of("lingua", "fr", "testo", "titre de séjour, carte de séjour\nseul\n"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-errors\"", "href=\"#synonyms-text\"", "id=\"synonyms-lines\"",
                "aria-invalid=\"true\"", "seul");
        assertThat(refused.body()).containsPattern("synonyms-lines\"[^>]*>[^<]*2");
        assertThat(jdbc.sql("SELECT groups FROM search_synonyms WHERE language = 'fr'").query(String.class).single())
                .isEqualTo(before);
    }

    @Test
    void onlyEditorsSupervisorsAndAdministratorsReachTheList() {
        WebClient operator = new WebClient(port);
        TestStaff.login(operator, TestStaff.create(jdbc, passwords, "OPERATOR"));
        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).get(PAGE).statusCode()).isEqualTo(302);
    }
}
