package it.comune.immigrati.search;

import java.time.Instant;
import java.util.List;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Relevance in several languages on the real PostgreSQL: stemming, accents, typos, ranking, filters. */
@AciTest
class SearchTest {

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private void put(String ref, Language language, String title, String summary, String body, String topic) {
        index.put(new SearchIndex.Document("test", ref, language, title, summary, body, "/test/" + ref, topic, Instant.now()));
    }

    @BeforeEach
    void documents() {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM search_document WHERE kind = 'test'").update();
            put("rinnovo", Language.IT, "Rinnovo del permesso di soggiorno",
                    "Come e quando chiedere il rinnovo del permesso.", "La domanda si presenta con il kit postale alla città di residenza.", "permesso-di-soggiorno");
            put("scuola", Language.IT, "Iscrizione a scuola dei figli",
                    "I minori stranieri hanno diritto all'istruzione.", "L'iscrizione si fa anche senza permesso di soggiorno.", "scuola");
            put("renewal", Language.EN, "Renewing your residence permit", "When and how to renew.",
                    "Apply at least sixty days before it expires, with the postal kit.", "permesso-di-soggiorno");
            put("famille", Language.FR, "Regroupement familial", "Faire venir sa famille en Italie.",
                    "Il faut un logement adapté et des revenus suffisants pour les enfants.", "ricongiungimento-familiare");
            put("sanatate", Language.RO, "Înscrierea la medicul de familie", "Serviciul sanitar național.",
                    "Pentru înscriere aveți nevoie de permisul de ședere și de codul fiscal.", "salute");
            put("arabic", Language.AR, "تجديد تصريح الإقامة", "متى وكيف تجدد تصريح الإقامة.",
                    "يجب تقديم طلب التجديد قبل ستين يوما من انتهاء الصلاحية.", "permesso-di-soggiorno");
        });
    }

    private List<String> refs(String text, Language language) {
        return search.search(text, language, List.of("test"), null, 10).hits().stream().map(Search.Hit::ref).toList();
    }

    @Test
    void italianWordsMatchTheirInflections() {
        assertThat(refs("permessi", Language.IT)).contains("rinnovo", "scuola");
        assertThat(refs("rinnovare permesso", Language.IT)).containsExactly("rinnovo");
        assertThat(refs("figlio", Language.IT)).as("figli and figlio share a stem").containsExactly("scuola");
    }

    @Test
    void titlesRankAboveBodies() {
        assertThat(refs("permesso soggiorno", Language.IT)).first().isEqualTo("rinnovo");
    }

    @Test
    void accentsAreFolded() {
        assertThat(refs("citta", Language.IT)).containsExactly("rinnovo");
        assertThat(refs("înscriere", Language.RO)).containsExactly("sanatate");
        assertThat(refs("inscriere", Language.RO)).containsExactly("sanatate");
    }

    @Test
    void aTypoStillFindsTheDocument() {
        Search.Results results = search.search("permeso di sogiorno", Language.IT, List.of("test"), null, 10);
        assertThat(results.approximate()).isTrue();
        assertThat(results.hits()).extracting(Search.Hit::ref).contains("rinnovo");
        assertThat(results.correction()).isEqualTo("permesso di soggiorno");
    }

    @Test
    void theCorrectionIsShownAsTheDocumentsWriteItNotAsFoldedForTheIndex() {
        Search.Results results = search.search("الاقامت", Language.AR, List.of("test"), null, 10);
        assertThat(results.hits()).extracting(Search.Hit::ref).contains("arabic");
        assertThat(results.correction()).isEqualTo("الإقامة");
    }

    @Test
    void prefixesMatchWhileTheResidentIsTyping() {
        assertThat(refs("rinn", Language.IT)).contains("rinnovo");
    }

    @Test
    void englishFrenchAndArabicAreStemmedInTheirOwnLanguage() {
        assertThat(refs("renew permits", Language.EN)).containsExactly("renewal");
        assertThat(refs("familles enfant", Language.FR)).containsExactly("famille");
        assertThat(refs("الإقامة", Language.AR)).containsExactly("arabic");
        assertThat(refs("permesso", Language.EN)).as("other languages are not searched").doesNotContain("rinnovo", "scuola");
    }

    @Test
    void snippetsHighlightTheMatchAndAreEscaped() {
        transactions.executeWithoutResult(s -> put("xss", Language.IT, "Pagina con <b>markup</b>", "Sintesi",
                "Testo con <script>alert(1)</script> e la parola cedolino.", null));
        Search.Hit hit = search.search("cedolino", Language.IT, List.of("test"), null, 10).hits().get(0);
        assertThat(hit.snippetHtml()).contains("<mark>cedolino</mark>").doesNotContain("<script>", "<b>");
    }

    @Test
    void kindAndTopicFilter() {
        assertThat(search.search("permesso", Language.IT, List.of("test"), "scuola", 10).hits())
                .extracting(Search.Hit::ref).containsExactly("scuola");
        assertThat(search.search("permesso", Language.IT, List.of("nothing"), null, 10).hits()).isEmpty();
    }

    @Test
    void missesAreCountedForEditors() {
        search.recordMiss("Codice fiscale  bambini", Language.IT);
        search.recordMiss("codice fiscale bambini", Language.IT);
        assertThat(jdbc.sql("SELECT misses FROM search_miss WHERE language = 'it' AND query = 'codice fiscale bambini'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }
}
