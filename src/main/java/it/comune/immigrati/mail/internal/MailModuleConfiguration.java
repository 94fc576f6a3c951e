package it.comune.immigrati.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Poller;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StaffNotice;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailModuleConfiguration {

    /** Delivers the outbox, from start to shutdown. */
    @Bean
    @ConditionalOnProperty(name = "aci.mail.outbox.enabled", havingValue = "true", matchIfMissing = true)
    Poller outboxPoller(OutboxSender sender, AciProperties properties) {
        return new Poller("Mail outbox delivery", properties.mail().outbox().pollInterval(), sender::drain);
    }

    /** Reads the desk mailbox, unless this node is told not to. */
    @Bean
    @ConditionalOnProperty(name = "aci.mail.imap.enabled", havingValue = "true", matchIfMissing = true)
    Poller deskMailboxPoller(ImapPoller mailbox, AciProperties properties) {
        return new Poller("Desk mailbox poll", properties.mail().imap().pollInterval(), mailbox::poll);
    }

    /**
     * On the home of those who look after the mail: messages given up on in the last week (a resident who
     * got no answer), and mail held in quarantine (a resident whose question is not in the inbox).
     */
    @Bean
    StaffNotice mailProblems(OutboxStore outbox, InboundStore inbound, Clock clock) {
        return roles -> {
            if (!roles.contains("ADMIN") && !roles.contains("SUPERVISOR")) {
                return List.of();
            }
            List<StaffNotice.Item> items = new ArrayList<>();
            long failed = outbox.failedSince(clock.instant().minus(Duration.ofDays(7)));
            if (failed > 0) {
                items.add(new StaffNotice.Item("mail.notice.failed", List.of(failed), "/ufficio/posta?status=FAILED"));
            }
            long held = inbound.quarantined();
            if (held > 0) {
                items.add(new StaffNotice.Item("mail.notice.quarantined", List.of(held), "/ufficio/posta-in-arrivo"));
            }
            return items;
        };
    }

    @Bean
    Route outboxPages() {
        return Route.staff("/ufficio/posta/**", "ADMIN", "SUPERVISOR")
                .inStaffMenu("nav.staff.outbox", "/ufficio/posta", 70, NavigationItem.GROUP_ADMINISTRATION);
    }

    @Bean
    Route inboundPages() {
        return Route.staff("/ufficio/posta-in-arrivo/**", "ADMIN", "SUPERVISOR")
                .inStaffMenu("nav.staff.inbound", "/ufficio/posta-in-arrivo", 72, NavigationItem.GROUP_ADMINISTRATION);
    }

    /**
     * The embedded server's mail holds residents' messages and live invitation links, which open the
     * invited account: administrators only (who may create accounts anyway), and only where the embedded
     * mail server runs.
     */
    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    Route testMailboxPages() {
        return Route.staff("/ufficio/posta-di-prova/**", "ADMIN")
                .inStaffMenu("nav.staff.test-mailbox", "/ufficio/posta-di-prova", 75, NavigationItem.GROUP_ADMINISTRATION);
    }
}
