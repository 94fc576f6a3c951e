package it.comune.immigrati.platform;

/**
 * Something a staff member did or read that the audit log must keep. Published synchronously by any
 * module inside its transaction; the accounts module's audit log writes it in the same transaction, so
 * an action and its audit record stand or fall together.
 *
 * @param actor      the staff user name, or "system"
 * @param action     a stable dotted name, e.g. {@code site-page.update}
 * @param recordType what kind of record, e.g. {@code site_page}
 * @param recordId   which record
 * @param details    a short free text, never personal data beyond what identifies the record
 */
public record Audited(String actor, String action, String recordType, String recordId, String details) {
}
