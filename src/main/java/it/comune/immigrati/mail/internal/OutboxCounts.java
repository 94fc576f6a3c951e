package it.comune.immigrati.mail.internal;

/** How many messages wait, went out, or failed. */
public record OutboxCounts(long pending, long sent, long failed) {
}
