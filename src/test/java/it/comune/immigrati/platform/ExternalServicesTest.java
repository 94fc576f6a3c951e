package it.comune.immigrati.platform;

import it.comune.immigrati.testing.Slow;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.comune.immigrati.AreaCittadiniImmigratiApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.site.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.*} and {@code spring.mail.*} set, the application starts no PostgreSQL
 * and no mail server of its own: it runs its migrations on the database it is given and sends through
 * the SMTP server it is given. The "external" servers here are a separate PostgreSQL process with its
 * own database and user, as a Comune's DBA would create, and a separate SMTP server with authentication.
 */
@Slow
class ExternalServicesTest {

    @TempDir
    Path workDirectory;

    @Test
    void runsOnAnExternalPostgresqlAndSendsThroughAnExternalSmtpServer() throws Exception {
        GreenMail provider = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        provider.start();
        provider.setUser("quesiti@comune.example.it", "quesiti@comune.example.it", "smtp-secret");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(workDirectory.resolve("external"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(false).start()) {
            JdbcClient admin = JdbcClient.create(external.getPostgresDatabase());
            admin.sql("CREATE ROLE aci LOGIN PASSWORD 'aci-secret'").update();
            admin.sql("CREATE DATABASE aci OWNER aci").update();
            // nothing else: unaccent and pg_trgm are trusted extensions, which the database owner may create

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AreaCittadiniImmigratiApplication.class)
                    .properties(
                            "spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/aci",
                            "spring.datasource.username=aci",
                            "spring.datasource.password=aci-secret",
                            "server.port=0",
                            "aci.data-dir=" + workDirectory.resolve("app").toString(),
                            "spring.jmx.enabled=false",
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=" + String.valueOf(provider.getSmtp().getPort()),
                            "spring.mail.username=quesiti@comune.example.it",
                            "spring.mail.password=smtp-secret",
                            "spring.mail.properties.mail.smtp.auth=true")
                    .run()) {
                Installation installation = app.getBean(Installation.class);
                assertThat(installation.embeddedDatabase()).isFalse();
                assertThat(installation.demoData()).as("demo data is off on an external database").isFalse();
                assertThat(app.getBeanNamesForType(
                        Class.forName("it.comune.immigrati.platform.internal.EmbeddedPostgresServer"))).isEmpty();
                assertThat(installation.embeddedMail()).isFalse();
                assertThat(app.getBeanNamesForType(EmbeddedMailServer.class)).isEmpty();

                String messageId = app.getBean(TransactionTemplate.class).execute(status -> app.getBean(MailOutbox.class)
                        .queue(MailMessage.to("famiglia@example.org", Language.EN).subject("mail.invite.subject", "Test")));
                assertThat(provider.waitForIncomingEmail(20_000, 1)).isTrue();
                assertThat(provider.getReceivedMessages()[0].getMessageID()).isEqualTo(messageId);
                assertThat(provider.getReceivedMessages()[0].getSubject()).startsWith("Invitation");
            } finally {
                provider.stop();
            }
            JdbcClient aci = JdbcClient.create(external.getDatabase("aci", "aci"));
            assertThat(aci.sql("SELECT username FROM staff_user").query(String.class).list()).containsExactly("admin");
            assertThat(aci.sql("SELECT current_user").query(String.class).single()).isEqualTo("aci");
        }
    }
}
