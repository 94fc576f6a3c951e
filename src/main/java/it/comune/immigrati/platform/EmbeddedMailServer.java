package it.comune.immigrati.platform;

import java.util.List;

/**
 * The mail server that runs inside the application when no real one is configured. It keeps what it
 * receives in memory, so staff can see on a page what the system would have sent.
 */
public interface EmbeddedMailServer {

    /** The embedded desk mailbox listens on loopback only; its password is fixed and documented. */
    String DESK_PASSWORD = "quesiti";

    /** The messages received so far, newest first. */
    List<ReceivedMail> received();

    String smtpHost();

    int smtpPort();

    int imapPort();

    /** One message as the mail server holds it; one that could not be parsed has only {@code readable = false}. */
    record ReceivedMail(String messageId, String from, String to, String subject, java.time.Instant receivedAt,
            String textBody, String htmlBody, String rawHeaders, boolean readable) {

        public static ReceivedMail unreadable(java.time.Instant receivedAt) {
            return new ReceivedMail(null, "", "", "", receivedAt, null, null, "", false);
        }
    }
}
