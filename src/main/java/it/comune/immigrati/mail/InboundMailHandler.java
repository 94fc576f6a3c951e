package it.comune.immigrati.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * Takes a message received in the desk mailbox. Called once per message, inside the transaction that
 * marks it processed: what the handler writes and the "processed" mark commit together. An exception
 * puts the message in quarantine, where staff can inspect it and have it processed again. Handlers are
 * asked in their {@code @Order}; the first that does not ignore the message takes it.
 */
public interface InboundMailHandler {

    Result handle(MimeMessage message, String messageKey);

    /**
     * What became of a message: processed (it became or joined something), ignored on purpose, or held
     * back (a limit was reached): a held message waits in the quarantine, where staff can have it
     * processed again; nothing received is dropped.
     */
    record Result(boolean ignored, boolean held, String description) {

        public static Result processed(String description) {
            return new Result(false, false, description);
        }

        public static Result ignored(String reason) {
            return new Result(true, false, reason);
        }

        public static Result held(String reason) {
            return new Result(false, true, reason);
        }
    }
}
