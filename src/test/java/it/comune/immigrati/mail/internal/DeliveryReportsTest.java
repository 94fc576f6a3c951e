package it.comune.immigrati.mail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.SmtpSender;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the receiving server took and could not deliver comes back as a delivery report (RFC 3464)
 * to the desk mailbox: the original is marked failed with the report's reason; a delay changes nothing.
 */
@AciTest
class DeliveryReportsTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    AciProperties properties;

    private String sent(String recipient) {
        String id = transactions.execute(status -> outbox.queue(MailMessage.to(recipient, Language.IT)
                .subject("mail.invite.subject", "x").about("test", recipient)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(outbox.deliveries("test", recipient).get(0).status()));
        return id;
    }

    private String report(String messageId, String recipient, String action, String status) {
        return SmtpSender.send(mailServer.smtpPort(), "MAILER-DAEMON@mx.example.org", properties.mail().deskAddress(),
                "Undelivered Mail Returned to Sender", "", m -> {
                    try {
                        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
                        MimeBodyPart human = new MimeBodyPart();
                        human.setText("I'm sorry to have to inform you that your message could not be delivered.", "UTF-8");
                        report.addBodyPart(human);
                        MimeBodyPart machine = new MimeBodyPart();
                        machine.setDataHandler(new DataHandler(new ByteArrayDataSource(("""
                                Reporting-MTA: dns; mx.example.org\r
                                \r
                                Final-Recipient: rfc822; %s\r
                                Action: %s\r
                                Status: %s\r
                                Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown\r
                                """).formatted(recipient, action, status, recipient).getBytes(StandardCharsets.US_ASCII),
                                "message/delivery-status")));
                        report.addBodyPart(machine);
                        MimeBodyPart headers = new MimeBodyPart();
                        headers.setDataHandler(new DataHandler(new ByteArrayDataSource(("Message-ID: " + messageId
                                + "\r\nTo: " + recipient + "\r\nSubject: Invito\r\n").getBytes(StandardCharsets.US_ASCII),
                                "text/rfc822-headers")));
                        report.addBodyPart(headers);
                        m.setContent(report);
                        m.setHeader("Auto-Submitted", "auto-replied");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private String inbound(String key) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT status || ' ' || coalesce(outcome, '') FROM mail_inbound WHERE message_key = :k").param("k", key)
                .query(String.class).optional().orElse("NEW"), s -> !s.startsWith("NEW"));
    }

    @Test
    void aReportOfAFailureMarksTheOriginalFailedWithTheReason() {
        String recipient = "rimbalzo" + System.nanoTime() + "@example.org";
        String messageId = sent(recipient);
        String key = report(messageId, recipient, "failed", "5.1.1");
        assertThat(inbound(key)).startsWith("PROCESSED").contains("not delivered");
        MailOutbox.Delivery delivery = outbox.deliveries("test", recipient).get(0);
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.failure()).isEqualTo("no-such-address");
        assertThat(delivery.lastError()).contains("5.1.1", "User unknown");
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE email ILIKE 'mailer-daemon%'").query(Integer.class).single())
                .as("never a question").isZero();
    }

    @Test
    void aDelayOrAReportAboutMailWeDidNotSendChangesNothing() {
        String recipient = "ritardato" + System.nanoTime() + "@example.org";
        String messageId = sent(recipient);
        assertThat(inbound(report(messageId, recipient, "delayed", "4.4.7"))).startsWith("IGNORED");
        assertThat(outbox.deliveries("test", recipient).get(0).status()).isEqualTo("SENT");
        assertThat(inbound(report("<sconosciuto-" + System.nanoTime() + "@altrove.example>", recipient, "failed", "5.1.1")))
                .startsWith("IGNORED");
    }
}
