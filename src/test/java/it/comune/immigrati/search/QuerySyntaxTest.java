package it.comune.immigrati.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters that {@code unaccent} turns into text-search syntax ({@code ː} → {@code :}, {@code ʼ} → {@code '},
 * {@code ⑴} → {@code (1)}, {@code ŉ} → {@code 'n}) are only letters to every page and API that searches.
 */
@AciTest
class QuerySyntaxTest {

    static final List<String> HOSTILE = List.of("ː", "ʼ", "⑴", "ŉ", "aː b", "⑴⑵", "ŉ&|!():*'\\", "ːːːː", "ʼʼʼʼ",
            "ŉŉŉŉ", "permessoː soggiornoʼ", "⑴⑵⑶⑷ ⒜⒝⒞", "ŉabcd ʼabcd", "ː*ː*", "\\ʼ\\ʼ");

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
    void everyPathThatSearchesAnswersHostileLettersWithAPage() {
        // a document whose own words fold to syntax: its words feed the "did you mean" path
        transactions.executeWithoutResult(s -> index.put(new SearchIndex.Document("faq", "999000", Language.IT,
                "Documentoː ŉcertificato ʼresidenza ⑴", "Sommarioː ŉanagrafe", "Corpo ʼtesto", "/faq/sintassi", "altro",
                Instant.now())));
        WebClient visitor = new WebClient(port);
        for (String text : HOSTILE) {
            String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
            for (String path : List.of("/cerca?q=" + q, "/cerca?q=" + q + "&lang=ar", "/cerca/suggerimenti?q=" + q,
                    "/faq?q=" + q, "/quesiti/suggerimenti?text=" + q)) {
                HttpResponse<String> page = visitor.get(path);
                assertThat(page.statusCode()).as(path + " (" + text + ")").isEqualTo(200);
                assertThat(page.body()).as(path).doesNotContain("Exception", "syntax error");
            }
            for (String path : List.of("/api/v1/search?q=" + q, "/api/v1/search?q=" + q + "&lang=uk", "/api/v1/faq?q=" + q)) {
                HttpResponse<String> json = visitor.get(path, "Accept", "application/json");
                assertThat(json.statusCode()).as(path + " (" + text + ")").isEqualTo(200);
            }
        }
        // a near spelling of the document's folded words: the suggestions come from its stored words
        assertThat(visitor.get("/cerca?q=" + URLEncoder.encode("certificatto anagrafee", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        assertThat(visitor.get("/cerca?q=" + URLEncoder.encode("ŉcertificatto", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
    }

    /** The question's page shows answered questions with the same words and related FAQ: both search. */
    @Test
    void aQuestionWrittenWithThoseLettersOpensForStaff() throws Exception {
        HttpResponse<String> asked = Residents.askThroughApi(java.net.http.HttpClient.newHttpClient(), port,
                "sintassi" + System.nanoTime() + "@example.org", "10.15.0.1",
                "Domanda ŉabcd ʼpermesso ːsoggiorno ⑴⑵⑶ rinnovoː ŉ&|!():*'");
        String code = Residents.createdCode(asked).orElseThrow();
        WebClient office = new WebClient(port);
        TestStaff.login(office, TestStaff.create(jdbc, passwords, "OPERATOR"));
        HttpResponse<String> page = office.get("/ufficio/quesiti/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(code);
    }
}
