package it.comune.immigrati.appointments.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The appointments' settings, under {@code aci.appointments}.
 *
 * @param hold                  how long a chosen time is kept for the resident while they fill in the details
 * @param confirmWithin         how long a booking of a scarce service waits for the resident's confirmation by e-mail
 * @param reminderBefore        how long before the appointment the reminder goes out
 * @param retentionMonths       months after the appointment's date when its personal data are erased
 * @param firstSlotsShown       how many of the next free times are offered first
 * @param holdsPerClientPerHour times one client (IP address) may hold in an hour
 * @param unverifiedHoldsPerClientPerHour of those, the times it may hold without a solved proof of work
 * @param bookingsPerAddressPerDay bookings one e-mail address may make in a day
 * @param offerHold             how long a time offered to the first on the waiting list is kept for them
 * @param waitingJoinsPerClientPerHour times one client may join a waiting list in an hour
 * @param freeTimesCache        how long a node may answer from the free times it last worked out (0: never)
 */
@ConfigurationProperties("aci.appointments")
record AppointmentsProperties(
        @DefaultValue("10m") Duration hold,
        @DefaultValue("2h") Duration confirmWithin,
        @DefaultValue("24h") Duration reminderBefore,
        @DefaultValue("12") int retentionMonths,
        @DefaultValue("6") int firstSlotsShown,
        @DefaultValue("30") int holdsPerClientPerHour,
        @DefaultValue("6") int unverifiedHoldsPerClientPerHour,
        @DefaultValue("5") int bookingsPerAddressPerDay,
        @DefaultValue("12h") Duration offerHold,
        @DefaultValue("5") int waitingJoinsPerClientPerHour,
        @DefaultValue("1s") Duration freeTimesCache) {
}
