package it.comune.immigrati.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * Takes a message received in the desk mailbox. Called once per message, inside the transaction that
 * marks it processed: what the handler writes and the "processed" mark commit together. An exception
 * puts the message in quarantine, where staff can inspect it and have it processed again.
 */
public interface InboundMailHandler {

    Result handle(MimeMessage message, String messageKey);

    /** What became of a message: processed (it became or joined something), or ignored on purpose. */
    record Result(boolean ignored, String description) {

        public static Result processed(String description) {
            return new Result(false, description);
        }

        public static Result ignored(String reason) {
            return new Result(true, reason);
        }
    }
}
