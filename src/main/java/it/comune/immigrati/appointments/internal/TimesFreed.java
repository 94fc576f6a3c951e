package it.comune.immigrati.appointments.internal;

/**
 * A booking gave its time back (cancelled, or moved away from it), published inside the transaction
 * that did it: after the commit the waiting list offers the time at once, before anyone browsing can
 * take it.
 */
record TimesFreed(long serviceId, long officeId) {
}
