package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk mailbox is healthy while it is read: DOWN after three failed polls in a row, or when no poll
 * has succeeded for ten poll intervals and a minute (a wrong password, a dead IMAP server), with the
 * last error, so that monitoring sees it and not only the log. The quarantine's size is shown beside it.
 */
@Component("deskMailbox")
class MailboxHealthIndicator extends AbstractHealthIndicator {

    private final ImapPoller mailbox;
    private final JdbcClient jdbc;

    MailboxHealthIndicator(ImapPoller mailbox, JdbcClient jdbc) {
        super("The desk mailbox state could not be read");
        this.mailbox = mailbox;
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long quarantined = jdbc.sql("SELECT count(*) FROM mail_inbound WHERE status = 'QUARANTINED'").query(Long.class).single();
        if (!mailbox.reads()) {
            health.up().withDetail("reading", false).withDetail("quarantined", quarantined);
            return;
        }
        Duration since = Duration.between(mailbox.lastSuccess(), Instant.now());
        boolean reading = mailbox.failuresInARow() < 3
                && since.compareTo(mailbox.pollInterval().multipliedBy(10).plusMinutes(1)) < 0;
        health.status(reading ? "UP" : "DOWN").withDetail("secondsSinceLastSuccessfulPoll", since.toSeconds())
                .withDetail("failedPollsInARow", mailbox.failuresInARow())
                .withDetail("quarantined", quarantined);
        if (mailbox.lastError() != null) {
            health.withDetail("lastError", mailbox.lastError());
        }
    }
}
