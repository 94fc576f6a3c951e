package it.comune.immigrati.platform;

import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.comune.immigrati.AreaCittadiniImmigratiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.*} set the application starts no PostgreSQL of its own and runs its
 * migrations on the server it is given. The "external" server here is a separate PostgreSQL process
 * with its own database and user, as a Comune's DBA would create.
 */
class ExternalDatabaseTest {

    @TempDir
    Path workDirectory;

    @Test
    void runsOnAnExternalPostgresql() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(workDirectory.resolve("external"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(false).start()) {
            JdbcClient admin = JdbcClient.create(external.getPostgresDatabase());
            admin.sql("CREATE ROLE aci LOGIN PASSWORD 'aci-secret'").update();
            admin.sql("CREATE DATABASE aci OWNER aci").update();
            // nothing else: unaccent and pg_trgm are trusted extensions, which the database owner may create

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AreaCittadiniImmigratiApplication.class)
                    .properties(Map.of(
                            "spring.datasource.url", "jdbc:postgresql://localhost:" + external.getPort() + "/aci",
                            "spring.datasource.username", "aci",
                            "spring.datasource.password", "aci-secret",
                            "server.port", "0",
                            "aci.data-dir", workDirectory.resolve("app").toString(),
                            "aci.mail.embedded.smtp-port", "0",
                            "aci.mail.embedded.imap-port", "0",
                            "spring.jmx.enabled", "false"))
                    .run()) {
                Installation installation = app.getBean(Installation.class);
                assertThat(installation.embeddedDatabase()).isFalse();
                assertThat(installation.demoData()).as("demo data is off on an external database").isFalse();
                assertThat(app.getBeanNamesForType(
                        Class.forName("it.comune.immigrati.platform.internal.EmbeddedPostgresServer"))).isEmpty();
            }
            JdbcClient aci = JdbcClient.create(external.getDatabase("aci", "aci"));
            assertThat(aci.sql("SELECT username FROM staff_user").query(String.class).list()).containsExactly("admin");
            assertThat(aci.sql("SELECT current_user").query(String.class).single()).isEqualTo("aci");
        }
    }
}
