package it.comune.immigrati.mail.internal;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Properties;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * Tells the sender of an e-mail too large for the desk that it was not read, and how to send the
 * documents: several smaller e-mails, or the form. Written in the language the message declares
 * (Content-Language) or Italian; never to mail no person wrote, nor to ourselves.
 */
@Component
class TooLargeReply {

    private final MailOutbox outbox;
    private final AciProperties properties;

    TooLargeReply(MailOutbox outbox, AciProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    void tell(byte[] headers, long size, long limit) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(headers));
            if (it.comune.immigrati.mail.AutomaticMail.isAutomatic(message)) {
                return;
            }
            var replyTo = message.getReplyTo();
            if (replyTo == null || replyTo.length == 0 || !(replyTo[0] instanceof InternetAddress to) || to.getAddress() == null) {
                return;
            }
            String address = to.getAddress().toLowerCase(Locale.ROOT);
            if (address.equalsIgnoreCase(properties.mail().deskAddress())) {
                return;
            }
            String declared = message.getHeader("Content-Language", null);
            Language language = declared == null ? Language.DEFAULT
                    : Language.byCode(declared.strip().split("[-_,; ]")[0].toLowerCase(Locale.ROOT)).orElse(Language.DEFAULT);
            String subject = message.getSubject() == null ? "" : message.getSubject();
            MailMessage reply = MailMessage.to(address, language)
                    .subject("mail.too-large.subject", subject)
                    .paragraph("mail.too-large.body", ImapPoller.megabytes(size), ImapPoller.megabytes(limit))
                    .action("mail.too-large.action", properties.mail().publicBaseUrl() + "/quesiti/nuovo");
            if (message.getMessageID() != null) {
                reply.inReplyTo(message.getMessageID());
            }
            outbox.queue(reply);
        } catch (MessagingException unreadable) {
            // headers we cannot read name no one to answer; the message stays in the quarantine
        }
    }
}
