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
        // the invitee is a mediator: an administrator who holds that role too may see the link
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN", "MEDIATOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, admin);

        String mailbox = browser.get("/ufficio/posta-di-prova").body();
        assertThat(mailbox).contains("a.elidrissi@aci.local", "Invito all'area ufficio");
        String invitation = mailboxEntry(mailbox, "a.elidrissi@aci.local", "Invito");
        String first = browser.get(invitation).body();
        assertThat(first).contains("Message-ID", "/invito/");
        var html = browser.get(invitation + "/html");
        assertThat(html.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp).contains("sandbox"));

        String outbox = browser.get("/ufficio/posta?status=SENT").body();
        assertThat(outbox).contains("a.elidrissi@aci.local", "Consegnata al server di posta");
    }

    /** Its invitation links would let a supervisor become any colleague, an administrator included. */
    @Test
    void supervisorsDoNotSeeTheTestMailbox() {
        TestStaff.Account supervisor = TestStaff.create(jdbc, passwords, "SUPERVISOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, supervisor);
        assertThat(browser.get("/ufficio/posta-di-prova").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ufficio/posta-di-prova/0").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ufficio/posta-di-prova/0/html").statusCode()).isEqualTo(403);
        assertThat(browser.get("/ufficio").body()).doesNotContain("/ufficio/posta-di-prova");
    }

    @Test
    void theLinkOfAnAccountWithRolesTheReaderLacksIsHidden() {
        new ImapMailbox(mailServer.imapPort(), "a.elidrissi@aci.local")
                .await(m -> m.subject().contains("Invito"), Duration.ofSeconds(20));
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, admin);

        String mailbox = browser.get("/ufficio/posta-di-prova").body();
        assertThat(mailbox).doesNotContain("/invito/");
        String page = mailboxEntry(mailbox, "a.elidrissi@aci.local", "Invito");
        String invitation = browser.get(page).body();
        assertThat(invitation).contains("Invito all'area ufficio", "Message-ID", "nascosto").doesNotContain("/invito/");
        assertThat(browser.get(page + "/html").statusCode()).as("nor in the HTML version").isEqualTo(404);
    }

    @Test
    void anUnreadableMessageIsOneLineNotABrokenPage() throws Exception {
        String address = "illeggibile" + System.nanoTime() % 100000 + "@example.org";
        rawSmtp(address, "From: <someone@example.org>\r\nTo: <" + address + ">\r\nSubject: rotto\r\n"
                + "Message-ID: <rotto-" + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=x-nessun-charset\r\n\r\nciao\r\n");
        TestStaff.Account admin = TestStaff.create(jdbc, passwords, "ADMIN");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, admin);

        var mailbox = browser.get("/ufficio/posta-di-prova");
        assertThat(mailbox.statusCode()).isEqualTo(200);
        assertThat(mailbox.body()).contains("non si può leggere", "a.elidrissi@aci.local");
        var broken = browser.get(mailboxEntry(mailbox.body(), "non si può leggere"));
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).contains("non si può leggere");
    }

    /** The link to a message of the list, found by a text of its row (recipient, subject). */
    private static String mailboxEntry(String mailbox, String... texts) {
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<tr>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(mailbox);
        while (rows.find()) {
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/ufficio/posta-di-prova/\\d+)\"")
                    .matcher(rows.group(1));
            String row = rows.group(1);
            if (java.util.Arrays.stream(texts).allMatch(row::contains) && link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("No row with " + String.join(", ", texts) + " in\n" + mailbox);
    }

    /** Delivers bytes as they are, as a broken mail client would: JavaMail would refuse to send them. */
    private void rawSmtp(String recipient, String message) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mailServer.smtpPort())) {
            socket.setSoTimeout(5000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            in.readLine();
            for (String command : new String[] { "HELO test", "MAIL FROM:<someone@example.org>", "RCPT TO:<" + recipient + ">",
                    "DATA", message + ".", "QUIT" }) {
                out.write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                String reply = in.readLine();
                assertThat(reply).as(command).matches("[23]\\d\\d.*");
            }
        }
    }

    @Test
    void operatorsDoNotSeeTheOutbox() {
        TestStaff.Account operator = TestStaff.create(jdbc, passwords, "OPERATOR");
        WebClient browser = new WebClient(port);
        TestStaff.login(browser, operator);
        assertThat(browser.get("/ufficio/posta").statusCode()).isEqualTo(403);
    }
}
