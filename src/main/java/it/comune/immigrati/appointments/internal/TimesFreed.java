package it.comune.immigrati.appointments.internal;

/**
 * Times may have become free (a booking cancelled or moved away, or a change to an office, a service or a
 * staff absence): the waiting list offers them once the change has committed, before anyone browsing can
 * take them. It looks at every line, so the event carries nothing.
 */
record TimesFreed() {
}
