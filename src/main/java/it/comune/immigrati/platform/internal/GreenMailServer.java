package it.comune.immigrati.platform.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.comune.immigrati.platform.EmbeddedMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** GreenMail on loopback: SMTP for what we send, IMAP for the desk mailbox. */
final class GreenMailServer implements EmbeddedMailServer, AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    /** Port 0 picks a free port (tests run several servers side by side). */
    GreenMailServer(int smtpPort, int imapPort, String deskAddress, String deskPassword) {
        this.greenMail = new GreenMail(new ServerSetup[] { setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
                setup(imapPort, ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        greenMail.setUser(deskAddress, deskAddress, deskPassword);
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, HOST, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    @Override
    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                mails.add(toReceivedMail(message));
            } catch (RuntimeException unreadable) {
                // anything may arrive over SMTP (a broken charset, a multipart without boundary): one such
                // message is one line saying so, not a test mailbox that no longer opens
                mails.add(ReceivedMail.unreadable(receivedAt(message)));
            }
        }
        Collections.reverse(mails);
        return mails;
    }

    private static ReceivedMail toReceivedMail(MimeMessage message) {
        try {
            StringBuilder headers = new StringBuilder();
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                headers.append(header.getName()).append(": ").append(header.getValue()).append('\n');
            }
            Instant sent = receivedAt(message);
            String[] recipients = message.getHeader("To");
            String[] from = message.getHeader("From");
            return new ReceivedMail(message.getMessageID(), from == null ? "" : from[0],
                    recipients == null ? "" : String.join(", ", recipients), message.getSubject(), sent,
                    textPart(message, "text/plain"), textPart(message, "text/html"), headers.toString(), true);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the embedded mail server", e);
        }
    }

    private static Instant receivedAt(MimeMessage message) {
        try {
            return message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
        } catch (MessagingException | RuntimeException e) {
            return Instant.now();
        }
    }

    private static String textPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textPart(body, mimeType);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Override
    public String smtpHost() {
        return HOST;
    }

    @Override
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
