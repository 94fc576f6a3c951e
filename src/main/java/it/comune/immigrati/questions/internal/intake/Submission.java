package it.comune.immigrati.questions.internal.intake;

import java.util.List;
import java.util.UUID;

import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionRecords.Content;

/**
 * A new question as a channel received it, before any rule has been applied: what the web form, the
 * JSON API or an e-mail said, in the same shape. {@link QuestionIntake} decides what becomes of it.
 *
 * @param honeypot the form field hidden from people (bots fill it in); empty elsewhere
 * @param proofOfWork the solved ALTCHA challenge, or empty
 * @param mailMessageId the Message-ID of the e-mail it came in, or null
 */
record Submission(Channel channel, UUID key, String email, String name, String language, String topic, String text,
        boolean privacyConsent, boolean publishConsent, List<Upload> files, String honeypot, String proofOfWork,
        String mailMessageId) {

    Submission {
        key = key == null ? UUID.randomUUID() : key;
        files = files == null ? List.of() : List.copyOf(files);
        honeypot = honeypot == null ? "" : honeypot;
        proofOfWork = proofOfWork == null ? "" : proofOfWork;
    }

    /** A file as it arrived: its name, its declared size, and its bytes read only once the size is allowed. */
    record Upload(String name, long size, Content content) {

        static Upload of(String name, byte[] bytes) {
            return new Upload(name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
        }
    }
}
