package it.comune.immigrati.search.internal;

import java.time.Duration;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Searches that found nothing are kept for editors, never with what identifies a person, and not for ever. */
@AciTest
class SearchMissesTest {

    @Autowired
    SearchStore store;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = { "ana.rossi@example.org rinnovo", "ana＠example.org", "chiamare 333 123 4567",
            "permesso 12345", "RSSMRA80A01F205X codice", "pratica 03.45.67.89" })
    void aSearchThatMayIdentifySomeoneIsNotRecorded(String text) {
        assertThat(SearchStore.mayIdentify(text)).isTrue();
        int before = count();
        store.recordMiss(text, Language.IT);
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "rinnovo permesso 2026", "modulo 730", "codice fiscale bambini", "تجديد الإقامة" })
    void anOrdinarySearchIsRecorded(String text) {
        assertThat(SearchStore.mayIdentify(text)).isFalse();
    }

    @Test
    void missesNotRepeatedWithinTheRetentionAreForgotten() {
        store.recordMiss("parola vecchia dimenticata", Language.IT);
        store.recordMiss("parola recente ricordata", Language.IT);
        jdbc.sql("UPDATE search_miss SET last_at = now() - interval '91 days' WHERE query = 'parola vecchia dimenticata'").update();

        assertThat(store.expireMisses(Duration.ofDays(90))).isGreaterThanOrEqualTo(1);

        assertThat(store.misses("it")).extracting(m -> m.query())
                .contains("parola recente ricordata").doesNotContain("parola vecchia dimenticata");
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM search_miss").query(Integer.class).single();
    }
}
