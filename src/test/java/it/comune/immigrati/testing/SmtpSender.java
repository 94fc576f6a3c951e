package it.comune.immigrati.testing;

import java.util.Properties;
import java.util.function.Consumer;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends mail over SMTP as a resident's mail provider would deliver it to the desk mailbox. */
public final class SmtpSender {

    private SmtpSender() {
    }

    /** Sends a message; {@code headers} may add or change anything. Returns its Message-ID. */
    public static String send(int smtpPort, String from, String to, String subject, String text,
            Consumer<MimeMessage> headers) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(smtpPort));
            Session session = Session.getInstance(properties);
            // keeps a Message-ID a test set, as a real client's message keeps its own through relays
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            headers.accept(message);
            message.saveChanges();
            String id = message.getMessageID();
            Transport.send(message);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
