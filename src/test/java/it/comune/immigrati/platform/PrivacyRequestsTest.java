package it.comune.immigrati.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.SmtpSender;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import jakarta.mail.internet.InternetAddress;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** One erasure request reaches every module that holds personal data: afterwards no table names the address. */
@AciTest
class PrivacyRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    AciProperties properties;

    @Test
    void afterAnErasureTheAddressIsInNoColumnOfAnyTable() throws Exception {
        String local = "cancellami" + System.nanoTime();
        String email = local + "@example.org";
        Map<String, String> form = Residents.question(email, "it",
                "Buongiorno, rinnovo del permesso di soggiorno: potete rispondermi anche a " + email + "?");
        form.put("name", "Ana Popescu");
        Residents.ask(new WebClient(port), form, List.of());
        // by e-mail from a friend's mailbox, answers to go to the resident's own address (Reply-To)
        SmtpSender.send(mailServer.smtpPort(), "amico" + System.nanoTime() + "@example.net", properties.mail().deskAddress(),
                "Domanda per Ana", "Vorrei sapere come iscrivere mio figlio a scuola.",
                message -> {
                    try {
                        message.setReplyTo(new InternetAddress[] { new InternetAddress(email) });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM question WHERE email = :e")
                .param("e", email).query(Integer.class).single() == 2);
        new ImapMailbox(mailServer.imapPort(), email).await(m -> true, Duration.ofSeconds(20));
        assertThat(columnsNaming(email)).as("before: the address is stored").isNotEmpty();

        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient office = new WebClient(port);
        TestStaff.login(office, supervisor);
        assertThat(office.get("/ufficio/privacy?email=" + email).body()).contains("Domande: 2", "E-mail: ");
        HttpResponse<String> export = office.submit("/ufficio/privacy?email=" + email, "/ufficio/privacy/esporta",
                Map.of("email", email));
        assertThat(export.body()).contains("\"questions\"", "\"emails\"", "\"auditLog\"", "come iscrivere mio figlio");

        HttpResponse<String> erased = office.submit("/ufficio/privacy?email=" + email, "/ufficio/privacy/cancella",
                Map.of("email", email, "confirm", "true"));
        assertThat(erased.statusCode()).isEqualTo(302);

        assertThat(columnsNaming(email)).as("after: no column of any table names the address").isEmpty();
        assertThat(columnsNaming(local)).as("nor its local part").isEmpty();
        assertThat(jdbc.sql("SELECT record_id FROM audit_log WHERE actor = :a AND action = 'privacy.erase'")
                .param("a", supervisor.username()).query(String.class).single())
                .isEqualTo(PrivacyRequests.reference(email)).startsWith("sha256:");
    }

    @Autowired
    PrivacyRequests privacy;

    @Test
    void anAddressIsMatchedWholeNeverInsideAnotherPersonsAddress() {
        String mine = "na" + System.nanoTime() + "@example.org";
        String someoneElse = "a" + mine; // contains mine
        String longer = mine + ".it";    // so does this one
        for (String other : List.of(someoneElse, longer)) {
            jdbc.sql("""
                    INSERT INTO mail_inbound (message_key, mailbox, uid, sender, subject, raw)
                    VALUES (:key, 'INBOX', 1, 'amico@example.net', 'Per un altro', :raw)""")
                    .param("key", "<" + other + ">").param("raw", ("Reply-To: " + other + "\r\n\r\nCiao").getBytes())
                    .update();
            jdbc.sql("INSERT INTO audit_log (actor, action, record_type, record_id, details) VALUES ('prova', 'prova', 'email', :e, :d)")
                    .param("e", other).param("d", "scritto a " + other).update();
        }
        jdbc.sql("INSERT INTO audit_log (actor, action, record_type, record_id, details) VALUES ('prova', 'prova', 'email', :e, '')")
                .param("e", mine).update();

        assertThat(privacy.export(mine, "test").toString()).doesNotContain(someoneElse, longer);
        privacy.erase(mine, "test");

        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE message_key IN (:a, :b)")
                .param("a", "<" + someoneElse + ">").param("b", "<" + longer + ">").query(Integer.class).single())
                .as("the other people's mail is kept").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE record_id IN (:a, :b) AND details IN (:da, :db)")
                .param("a", someoneElse).param("b", longer).param("da", "scritto a " + someoneElse)
                .param("db", "scritto a " + longer).query(Integer.class).single()).as("and their audit entries, intact").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE record_id = :r").param("r", PrivacyRequests.reference(mine))
                .query(Integer.class).single()).as("mine is named by its reference now").isPositive();
    }

    @Test
    void aReceivedMessageNamingTheAddressOnlyInABase64BodyIsFoundAndErased() {
        String mine = "nascosto" + System.nanoTime() + "@example.org";
        String subject = "Per conto di un amico " + System.nanoTime();
        SmtpSender.send(mailServer.smtpPort(), "amico" + System.nanoTime() + "@example.net", properties.mail().deskAddress(),
                subject, "Il mio amico chiede di essere ricontattato a " + mine + ".", message -> {
                    try {
                        message.setHeader("Content-Transfer-Encoding", "base64");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM mail_inbound WHERE subject = :s")
                .param("s", subject).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE subject = :s AND position(:m in encode(raw, 'escape')) > 0")
                .param("s", subject).param("m", mine).query(Integer.class).single()).as("the raw bytes hide it").isZero();

        assertThat(privacy.export(mine, "test").toString()).contains(subject);
        privacy.erase(mine, "test");

        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE subject = :s").param("s", subject).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theExportLeavesOutStaffAccountMailWithItsLinks() {
        String colleague = "collega" + System.nanoTime() + "@example.org";
        jdbc.sql("""
                INSERT INTO mail_outbox (id, message_id, recipient, language, subject, text_body, html_body, related_type, related_id)
                VALUES (gen_random_uuid(), :mid, :to, 'it', 'Invito', 'Apri /invito/segreto123', '<p>/invito/segreto123</p>',
                        'staff_user', 'collega')""").param("mid", "<" + colleague + ">").param("to", colleague).update();
        assertThat(privacy.export(colleague, "test").toString()).doesNotContain("/invito/");
    }

    /** Every text-like column of every table of the schema, searched for the text, ignoring case. */
    private List<String> columnsNaming(String text) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY', 'bytea')
                """).query().listOfRows();
        List<String> naming = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("column_name") + "\"";
            String value = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : name + "::text";
            int rows = jdbc.sql("SELECT count(*) FROM \"" + column.get("table_name") + "\" WHERE position(lower(:t) in lower("
                    + value + ")) > 0").param("t", text).query(Integer.class).single();
            if (rows > 0) {
                naming.add(column.get("table_name") + "." + column.get("column_name") + " (" + rows + ")");
            }
        }
        return naming;
    }
}
