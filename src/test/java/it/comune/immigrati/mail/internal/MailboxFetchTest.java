package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ImapMailbox;
import it.comune.immigrati.testing.SmtpSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching a mailbox (here one of the embedded server's, not the desk's, so the application's own poll
 * does not meet it): a message over the size limit is judged by the server's RFC822.SIZE, kept with its
 * headers in the quarantine, and its sender told in their language; the rest is stored whole (and then
 * processed by the application like any mail); a second fetcher finds the mailbox claimed.
 */
@AciTest
class MailboxFetchTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboundStore inbound;

    @Autowired
    TooLargeReply tooLarge;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedMailServer mailServer;

    private ImapPoller poller(String mailbox) {
        AciProperties settings = it.comune.immigrati.testing.Settings.aci(Map.of(
                "aci.mail.imap.host", "127.0.0.1", "aci.mail.imap.port", String.valueOf(mailServer.imapPort()),
                "aci.mail.imap.username", mailbox, "aci.mail.imap.password", mailbox,
                "aci.mail.imap.max-message-size", "100KB"));
        return new ImapPoller(jdbc, inbound, tidy, tooLarge, transactions, List.of(), settings, Optional.empty(), new SimpleMeterRegistry());
    }

    @Autowired
    MailboxTidy tidy;

    @Autowired
    JdbcMailPrivacy privacy;

    /** Message-IDs in a folder of the mailbox, read over IMAP as a mail client would. */
    private List<String> folder(String mailbox, String name) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", mailServer.imapPort(), mailbox, mailbox);
            jakarta.mail.Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(jakarta.mail.Folder.READ_ONLY);
            List<String> ids = new java.util.ArrayList<>();
            for (jakarta.mail.Message message : folder.getMessages()) {
                ids.add(((jakarta.mail.internet.MimeMessage) message).getMessageID());
            }
            folder.close(false);
            return ids;
        }
    }

    private String status(String key) {
        return jdbc.sql("SELECT status FROM mail_inbound WHERE message_key = :k").param("k", key).query(String.class)
                .optional().orElse("NONE");
    }

    /**
     * A processed message leaves the inbox for the processed folder; an erased one leaves the server, and
     * when the same message is found again (a rebuilt mailbox, a new UIDVALIDITY) it is not taken in again.
     */
    @Test
    void processedMailIsMovedAndErasedMailLeavesTheServerForGood() throws Exception {
        String mailbox = "ordinata" + System.nanoTime() + "@aci.local";
        String sender = "da.cancellare" + System.nanoTime() + "@example.org";
        String id = "<ordine" + System.nanoTime() + "@example.org>";
        java.util.function.Consumer<jakarta.mail.internet.MimeMessage> withId = m -> {
            try {
                m.setHeader("Message-ID", id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        SmtpSender.send(mailServer.smtpPort(), sender, mailbox, "Una domanda", "Come si rinnova il permesso?", withId);
        new ImapMailbox(mailServer.imapPort(), mailbox).await(m -> id.equals(m.messageId()), Duration.ofSeconds(20));
        ImapPoller poller = poller(mailbox);
        assertThat(poller.fetch()).isEqualTo(1);
        org.awaitility.Awaitility.await("processed by the application").atMost(Duration.ofSeconds(20))
                .until(() -> status(id).equals("PROCESSED"));

        poller.fetch();
        assertThat(folder(mailbox, "INBOX")).doesNotContain(id);
        assertThat(folder(mailbox, "Processed")).containsExactly(id);

        transactions.executeWithoutResult(t -> privacy.erase(sender));
        assertThat(status(id)).isEqualTo("NONE");
        poller.fetch();
        assertThat(folder(mailbox, "Processed")).as("erasure reaches the server").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound_forgotten WHERE expunged_at IS NOT NULL AND message_key IS NULL "
                + "AND mailbox = :m").param("m", mailbox + "/INBOX").query(Integer.class).single()).isEqualTo(1);

        // the same message turns up again in a rebuilt mailbox: it is recognised and left out
        SmtpSender.send(mailServer.smtpPort(), sender, mailbox, "Una domanda", "Come si rinnova il permesso?", withId);
        new ImapMailbox(mailServer.imapPort(), mailbox).await(m -> id.equals(m.messageId()), Duration.ofSeconds(20));
        jdbc.sql("UPDATE mail_inbox_state SET uid_validity = 0 WHERE mailbox = :m").param("m", mailbox + "/INBOX").update();
        assertThat(poller.fetch()).isZero();
        assertThat(status(id)).isEqualTo("NONE");
    }

    @Test
    void aMessageOverTheLimitIsKeptWithItsHeadersAndItsSenderToldInTheirLanguage() {
        String mailbox = "casella" + System.nanoTime() + "@aci.local";
        String sender = "grande" + System.nanoTime() + "@example.org";
        String big = SmtpSender.send(mailServer.smtpPort(), sender, mailbox, "Documenti per il ricongiungimento",
                "x".repeat(300_000), m -> {
                    try {
                        m.setHeader("Content-Language", "ar");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        String small = SmtpSender.send(mailServer.smtpPort(), sender, mailbox, "Solo testo", "Una domanda breve.", m -> { });
        new ImapMailbox(mailServer.imapPort(), mailbox).await(m -> m.messageId().equals(small), Duration.ofSeconds(20));

        ImapPoller poller = poller(mailbox);
        assertThat(poller.fetch()).isEqualTo(2);

        var kept = jdbc.sql("SELECT status, outcome, length(raw) AS bytes FROM mail_inbound WHERE message_key = :k")
                .param("k", big).query().singleRow();
        assertThat(kept.get("status")).isEqualTo("QUARANTINED");
        assertThat((String) kept.get("outcome")).contains("too large", "1 MB");
        assertThat((Integer) kept.get("bytes")).as("headers only").isLessThan(5_000);
        assertThat(jdbc.sql("SELECT position('Una domanda breve' in encode(raw, 'escape')) > 0 FROM mail_inbound WHERE message_key = :k")
                .param("k", small).query(Boolean.class).single()).as("a message within the limit is stored whole").isTrue();

        ImapMailbox.Mail reply = new ImapMailbox(mailServer.imapPort(), sender)
                .await(m -> m.subject().contains("Documenti per il ricongiungimento"), Duration.ofSeconds(20));
        assertThat(reply.subject()).contains("كبيرة جدًا");
        assertThat(reply.text()).contains("/quesiti/nuovo");
        assertThat(reply.autoSubmitted()).isEqualTo("auto-generated");

        assertThat(poller.fetch()).as("nothing new, nothing twice").isZero();
        assertThat(new ImapMailbox(mailServer.imapPort(), sender).read()).as("one reply about the large message")
                .filteredOn(m -> m.subject().contains("كبيرة جدًا")).hasSize(1);
    }

    @Test
    void aMailboxClaimedByAnotherNodeIsLeftToIt() {
        String mailbox = "condivisa" + System.nanoTime() + "@aci.local";
        String id = SmtpSender.send(mailServer.smtpPort(), "a@example.org", mailbox, "Prova", "Testo.", m -> { });
        new ImapMailbox(mailServer.imapPort(), mailbox).await(m -> m.messageId().equals(id), Duration.ofSeconds(20));
        assertThat(inbound.claim(mailbox + "/INBOX", 1L, Duration.ofMinutes(5))).isPresent();
        // the other node's claim has the old UIDVALIDITY; this node still waits for the claim to end
        assertThat(poller(mailbox).fetch()).isZero();
        inbound.release(mailbox + "/INBOX");
        assertThat(poller(mailbox).fetch()).isEqualTo(1);
    }
}
