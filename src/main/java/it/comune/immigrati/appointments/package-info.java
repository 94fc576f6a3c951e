/**
 * Desk appointments (sportello immigrati): the services the office gives by appointment, its offices and
 * their hours, the slots that follow from them, bookings by residents and by staff on their behalf, and
 * the office's daily agenda. The database guarantees that a desk is never given twice for the same time.
 */
package it.comune.immigrati.appointments;
