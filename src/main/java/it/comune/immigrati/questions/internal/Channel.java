package it.comune.immigrati.questions.internal;

/** The way a question reached the desk, stored in {@code question.channel} under its name. */
public enum Channel {
    /** The form on /quesiti/nuovo. */
    WEB,
    /** POST /api/v1/questions. */
    API,
    /** A message to the desk's mailbox. */
    EMAIL
}
