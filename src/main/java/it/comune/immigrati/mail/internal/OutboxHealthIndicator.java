package it.comune.immigrati.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import it.comune.immigrati.platform.AciProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox is healthy while mail flows: DOWN when the poller has stopped polling, or when a message
 * has waited longer than {@code aci.mail.outbox.health-max-delay} (the mail server refuses or is away).
 * When the outbox cannot be read (PostgreSQL away) it is DOWN too, with the reason, rather than breaking
 * the health endpoint.
 */
@Component("mailOutbox")
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final OutboxSender sender;
    private final AciProperties.Mail.Outbox settings;

    OutboxHealthIndicator(JdbcClient jdbc, OutboxSender sender, AciProperties properties) {
        super("The mail outbox could not be read");
        this.jdbc = jdbc;
        this.sender = sender;
        this.settings = properties.mail().outbox();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        record State(long pending, long failed, OffsetDateTime oldestPending) {
        }
        State state = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FAILED'),
                       min(created_at) FILTER (WHERE status = 'PENDING')
                FROM mail_outbox WHERE status <> 'SENT'
                """).query((rs, n) -> new State(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)))
                .single();
        Instant now = Instant.now();
        Duration sincePoll = Duration.between(sender.lastPoll(), now);
        Duration oldest = state.oldestPending() == null ? Duration.ZERO
                : Duration.between(state.oldestPending().toInstant(), now);
        boolean pollerAlive = sincePoll.compareTo(settings.pollInterval().multipliedBy(10).plusSeconds(30)) < 0;
        boolean flowing = oldest.compareTo(settings.healthMaxDelay()) < 0;
        health.status(pollerAlive && flowing ? "UP" : "DOWN");
        health.withDetail("pending", state.pending()).withDetail("failed", state.failed())
                .withDetail("oldestPendingSeconds", oldest.toSeconds())
                .withDetail("secondsSinceLastPoll", sincePoll.toSeconds());
    }
}
