package it.comune.immigrati.appointments.internal;

/**
 * Times at an office became free (a booking cancelled or moved away, or the office's hours, exceptions or
 * desks changed), published inside the transaction that did it: after the commit the waiting list offers
 * them at once, before anyone browsing can take them.
 */
record TimesFreed(long officeId) {
}
