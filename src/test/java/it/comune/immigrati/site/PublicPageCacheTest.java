package it.comune.immigrati.site;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import it.comune.immigrati.search.SearchIndex;
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

/**
 * Public pages are served from memory to anonymous visitors, and never stale: a change to public content
 * shows at the next request; staff, private links and pages carrying a visitor's token are never kept.
 */
@AciTest
class PublicPageCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SearchIndex index;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aRepeatedPublicPageComesFromMemoryUntilPublicContentChanges() {
        publish("trasloco-in-comune", "Trasloco e cambio di indirizzo a Zanzibar");
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/cerca?q=zanzibar").body()).contains("/guide/trasloco-in-comune")
                .doesNotContain("/guide/trasloco-fuori-comune");
        double hits = hits();
        assertThat(visitor.get("/cerca?q=zanzibar").body()).contains("/guide/trasloco-in-comune");
        assertThat(hits()).as("the second request was served from memory").isGreaterThan(hits);

        // published now, shown at once on the page that was kept
        publish("trasloco-fuori-comune", "Trasloco da un altro Comune a Zanzibar");
        assertThat(visitor.get("/cerca?q=zanzibar").body()).contains("/guide/trasloco-fuori-comune");
    }

    private void publish(String ref, String title) {
        transactions.executeWithoutResult(s -> index.put(new SearchIndex.Document("guide", ref, Language.IT, title,
                "Come comunicare al Comune il nuovo indirizzo.", "Dichiarazione di residenza.", "/guide/" + ref,
                "residenza-anagrafe", Instant.now())));
    }

    @Test
    void securityHeadersComeWithEveryPageKeptInMemory() {
        WebClient visitor = new WebClient(port);
        visitor.get("/faq");
        var kept = visitor.get("/faq");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(kept.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void staffPagesPrivateLinksAndFormsWithAVisitorsTokenAreNeverKept() {
        WebClient anonymous = new WebClient(port);
        anonymous.get("/");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, TestStaff.create(jdbc, passwords, "OPERATOR"));
        assertThat(staff.get("/").body()).as("a signed-in member sees their own header").contains("action=\"/logout\"");
        assertThat(anonymous.get("/").body()).as("and nobody else does").doesNotContain("action=\"/logout\"");

        // a returning visitor already holds a CSRF cookie: the form page is rendered for each request (the
        // token is masked anew every time, so a kept page would show the same one twice)
        WebClient returning = new WebClient(port);
        String first = WebClient.csrf(returning.get("/quesiti/nuovo").body());
        assertThat(returning.cookie("XSRF-TOKEN")).isNotNull();
        assertThat(WebClient.csrf(returning.get("/quesiti/nuovo").body())).isNotEqualTo(first);

        // a zero-result search is counted every time, not once
        WebClient searcher = new WebClient(port);
        searcher.get("/cerca?q=parolamaivista");
        searcher.get("/cerca?q=parolamaivista");
        assertThat(jdbc.sql("SELECT misses FROM search_miss WHERE language = 'it' AND query = 'parolamaivista'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    private double hits() {
        return meters.find("cache.gets").tag("cache", "public_pages").tag("result", "hit").functionCounter().count();
    }
}
