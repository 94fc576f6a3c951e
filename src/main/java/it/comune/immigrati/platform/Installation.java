package it.comune.immigrati.platform;

/**
 * How this node was set up: with its own embedded PostgreSQL and mail server, or against external ones.
 *
 * @param embeddedDatabase PostgreSQL runs inside the application under {@code aci.data-dir}
 * @param embeddedMail     GreenMail receives every outgoing message; nothing leaves the machine
 * @param demoData         realistic demo content is loaded on start
 */
public record Installation(boolean embeddedDatabase, boolean embeddedMail, boolean demoData) {
}
