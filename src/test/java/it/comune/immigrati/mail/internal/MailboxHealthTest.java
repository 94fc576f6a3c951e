package it.comune.immigrati.mail.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.AppProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A desk mailbox that cannot be read turns its health DOWN with the reason, instead of only logging it. */
@AciTest
class MailboxHealthTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboundStore inbound;

    @Autowired
    TooLargeReply tooLarge;

    @Autowired
    MailboxTidy tidy;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MailboxHealthIndicator applicationsMailbox;

    @Test
    void theApplicationsOwnMailboxIsUp() {
        assertThat(applicationsMailbox.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDeadImapServerTurnsTheMailboxDownWithTheReason() {
        AciProperties settings = it.comune.immigrati.testing.Settings.aci(Map.of(
                "aci.mail.imap.host", "127.0.0.1", "aci.mail.imap.port", String.valueOf(AppProcess.freePort()),
                "aci.mail.imap.username", "quesiti", "aci.mail.imap.password", "x", "aci.mail.connect-timeout", "2s"));
        ImapPoller dead = new ImapPoller(jdbc, inbound, tidy, tooLarge, transactions, List.of(), settings, Optional.empty(),
                new SimpleMeterRegistry());
        MailboxHealthIndicator health = new MailboxHealthIndicator(dead, jdbc);
        dead.poll();
        assertThat(health.health(true).getStatus()).as("one failure may be a blip").isEqualTo(Status.UP);
        dead.poll();
        dead.poll();
        var down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(down.getDetails().get("lastError"))).containsIgnoringCase("connect");
        assertThat(down.getDetails()).containsEntry("failedPollsInARow", 3);
    }
}
