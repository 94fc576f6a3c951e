package it.comune.immigrati.mail;

import java.time.Duration;

import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff see in "Posta di prova" what the embedded server received, and in "Posta in uscita" its delivery. */
@AciTest
class TestMailboxPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    EmbeddedMailServer mailServer;

    @Test
    void theDemoInvitationsAreInTheTestMailboxAndTheOutbox() throws Exception {
        new ImapMailbox(mailServer.imapPort(), "a.elidrissi@aci.local")
                .await(m -> m.subject().contains("Invito"), Duration.ofSeconds(20));
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, supervisor);

        String mailbox = browser.get("/ufficio/posta-di-prova").body();
        assertThat(mailbox).contains("a.elidrissi@aci.local", "Invito all'area ufficio");
        java.util.regex.Matcher invitation = java.util.regex.Pattern
                .compile("href=\"(/ufficio/posta-di-prova/\\d+)\">Invito").matcher(mailbox);
        assertThat(invitation.find()).isTrue();
        String first = browser.get(invitation.group(1)).body();
        assertThat(first).contains("Message-ID", "/invito/");
        var html = browser.get(invitation.group(1) + "/html");
        assertThat(html.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp).contains("sandbox"));

        String outbox = browser.get("/ufficio/posta?status=SENT").body();
        assertThat(outbox).contains("a.elidrissi@aci.local", "Consegnata al server di posta");
    }

    @Test
    void operatorsDoNotSeeTheOutbox() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, operator);
        assertThat(browser.get("/ufficio/posta").statusCode()).isEqualTo(403);
    }
}
