package it.comune.immigrati.platform;

import it.comune.immigrati.testing.AciTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AciTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Installation installation;

    @Test
    void runsAnEmbeddedPostgresql17() {
        assertThat(installation.embeddedDatabase()).isTrue();
        assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
    }

    @Test
    void durabilityIsOn() {
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void searchExtensionsWork() {
        assertThat(jdbc.sql("SELECT unaccent('perché città')").query(String.class).single()).isEqualTo("perche citta");
        assertThat(jdbc.sql("SELECT similarity('permesso', 'permeso') > 0.5").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT to_tsvector('italian', 'permessi di soggiorno') @@ to_tsquery('italian', 'permesso')")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void migrationsRan() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(4);
    }
}
