/**
 * Practices (pratiche): the office's help with a resident's procedure after the appointment. So far the
 * public calculators that the procedures need (the income for family reunification, the occupants a
 * dwelling is suitable for, the credits of the integration agreement), worked out from figures that are
 * data with a validity period and a source, never constants in code.
 */
package it.comune.immigrati.practices;
