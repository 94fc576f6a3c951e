package it.comune.immigrati.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.BodyPart;
import org.awaitility.Awaitility;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads a mailbox over IMAP, as the recipient's mail client would. GreenMail creates a mailbox for
 * every address it receives mail for, with the address as login and password.
 */
public final class ImapMailbox {

    public record Mail(String messageId, String subject, String from, String text, String html, String autoSubmitted,
            String replyTo, List<Attached> attachments) {
    }

    /** A file that came with a message: its name, its content type as sent, its bytes. */
    public record Attached(String filename, String contentType, byte[] content) {
    }

    private final int port;
    private final String address;

    public ImapMailbox(int port, String address) {
        this.port = port;
        this.address = address;
    }

    public List<Mail> read() {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                String[] id = message.getHeader("Message-ID");
                String[] auto = message.getHeader("Auto-Submitted");
                mails.add(new Mail(id == null ? null : id[0], message.getSubject(), message.getFrom()[0].toString(),
                        part(message, "text/plain"), part(message, "text/html"), auto == null ? null : auto[0],
                        message.getReplyTo() == null || message.getReplyTo().length == 0 ? null
                                : ((jakarta.mail.internet.InternetAddress) message.getReplyTo()[0]).getAddress(),
                        attachments(message)));
            }
            inbox.close(false);
            return mails;
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a message matching {@code wanted} is in the inbox, polling as a mail client does. */
    public Mail await(Predicate<Mail> wanted, Duration limit) {
        return Awaitility.await("a matching mail for " + address).atMost(limit).pollInterval(Duration.ofMillis(100))
                .until(() -> read().stream().filter(wanted).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<Attached> attachments(Part part) throws Exception {
        List<Attached> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            found.add(new Attached(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
        }
        return found;
    }
}
