package it.comune.immigrati.search;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

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

/** The public search page, its JSON twin, the header box, and the editors' list of searches that found nothing. */
@AciTest
class SiteSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    SearchIndex index;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theSearchPageFindsContentInTheVisitorsLanguageWithoutJavaScript() {
        transactions.executeWithoutResult(s -> index.put(new SearchIndex.Document("guide", "tessera-sanitaria", Language.IT,
                "Iscrizione al Servizio sanitario nazionale", "Come avere la tessera sanitaria e il medico di base.",
                "Ci si iscrive all'ASST con il permesso di soggiorno e il codice fiscale.", "/guide/tessera-sanitaria",
                "salute", Instant.now())));
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/").body()).contains("action=\"/cerca\"", "role=\"search\"");
        String page = visitor.get("/cerca?q=medici+di+base").body();
        assertThat(page).contains("/guide/tessera-sanitaria", "Iscrizione al Servizio sanitario nazionale", "<mark>");
        assertThat(visitor.get("/cerca?q=medici&tipo=faq").body()).doesNotContain("/guide/tessera-sanitaria");
        String typo = visitor.get("/cerca?q=tesera+sanitaria").body();
        assertThat(typo).contains("/guide/tessera-sanitaria");
        HttpResponse<String> json = visitor.get("/api/v1/search?q=codice+fiscale&lang=it", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"url\":\"/guide/tessera-sanitaria\"");
    }

    @Test
    void resultsComeTenAPageWithLinksToTheNextAndThePreviousPage() {
        transactions.executeWithoutResult(s -> {
            for (int i = 1; i <= 13; i++) {
                index.put(new SearchIndex.Document("guide", "sportello-lontano-" + i, Language.IT, "Sportello lontano numero " + i,
                        "Uno sportello zanzibarico di prova.", "Testo dello sportello zanzibarico " + i + ".",
                        "/guide/sportello-lontano-" + i, "lavoro", Instant.now()));
            }
        });
        WebClient visitor = new WebClient(port);
        String first = visitor.get("/cerca?q=sportello+zanzibarico").body();
        assertThat(first.split("/guide/sportello-lontano-", -1)).hasSize(11);
        assertThat(first).contains("id=\"result-pages\"", "href=\"/cerca?q=sportello+zanzibarico&amp;pagina=2\"", "rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        String second = visitor.get("/cerca?q=sportello+zanzibarico&pagina=2").body();
        assertThat(second.split("/guide/sportello-lontano-", -1)).hasSize(4);
        assertThat(second).contains("start=\"11\"", "rel=\"prev\"", "href=\"/cerca?q=sportello+zanzibarico&amp;pagina=1\"")
                .doesNotContain("rel=\"next\"");
        // a page number that is not one, or past the last page, is not an error
        assertThat(visitor.get("/cerca?q=sportello+zanzibarico&pagina=abc").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/cerca?q=sportello+zanzibarico&pagina=99").statusCode()).isEqualTo(200);
    }

    @Test
    void editorsSeeWhatWasSearchedInVainPerLanguage() {
        WebClient visitor = new WebClient(port);
        visitor.get("/?lang=uk");
        // words no guide uses, now that the guides are in Ukrainian too
        visitor.get("/cerca?q=ліцензія+на+рибалку");
        visitor.get("/cerca?q=ліцензія+на+рибалку");
        TestStaff.Account editor = TestStaff.create(jdbc, passwords, "EDITOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, editor);
        String page = office.get("/ufficio/ricerche").body();
        assertThat(page).contains("ліцензія на рибалку", "<td>uk</td>");
        assertThat(new WebClient(port).get("/ufficio/ricerche").statusCode()).isEqualTo(302);
    }
}
