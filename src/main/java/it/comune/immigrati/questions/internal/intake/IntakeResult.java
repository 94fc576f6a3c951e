package it.comune.immigrati.questions.internal.intake;

import java.util.List;

import it.comune.immigrati.questions.internal.QuestionRecords.Question;

/** What became of a {@link Submission}: each channel turns it into its own answer (a page, JSON, a mail outcome). */
sealed interface IntakeResult {

    /** Stored, with its confirmation e-mail queued. */
    record Accepted(Question question, String privateLink) implements IntakeResult {
    }

    /** The same submission key from the same address again (a double click): the first question stands. */
    record Duplicate(Question question, String privateLink) implements IntakeResult {
    }

    /** Refused by the rules; {@code errors} are message keys. Nothing was stored. */
    record Refused(List<String> errors) implements IntakeResult {
    }

    /** Over the hourly allowance of the client or of the address. Nothing was stored. */
    record Limited() implements IntakeResult {
    }

    /** The submission key was used before by another address: refused, and that question is not revealed. */
    record KeyTaken() implements IntakeResult {
    }

    /**
     * The database or the disk cannot take it now (see platform.ServiceUnavailable). Nothing was stored
     * (one transaction); the sender is told to try again after {@link #RETRY_AFTER_SECONDS}.
     */
    record Unavailable(RuntimeException failure) implements IntakeResult {
        static final int RETRY_AFTER_SECONDS = 60;
    }
}
