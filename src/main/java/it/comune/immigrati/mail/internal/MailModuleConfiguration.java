package it.comune.immigrati.mail.internal;

import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.site.NavigationItem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailModuleConfiguration {

    @Bean
    AccessRule outboxPages() {
        return AccessRule.roles("/ufficio/posta/**", "ADMIN", "SUPERVISOR");
    }

    @Bean
    AccessRule inboundPages() {
        return AccessRule.roles("/ufficio/posta-in-arrivo/**", "ADMIN", "SUPERVISOR");
    }

    @Bean
    NavigationItem inboundLink() {
        return NavigationItem.staff("nav.staff.inbound", "/ufficio/posta-in-arrivo", 72, "ADMIN", "SUPERVISOR");
    }

    @Bean
    NavigationItem outboxLink() {
        return NavigationItem.staff("nav.staff.outbox", "/ufficio/posta", 70, "ADMIN", "SUPERVISOR");
    }

    /** Only where the embedded mail server runs. */
    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    NavigationItem testMailboxLink() {
        return NavigationItem.staff("nav.staff.test-mailbox", "/ufficio/posta-di-prova", 75);
    }
}
