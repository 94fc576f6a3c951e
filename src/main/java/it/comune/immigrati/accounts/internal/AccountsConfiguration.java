package it.comune.immigrati.accounts.internal;

import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.site.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    AccessRule loginPage() {
        return AccessRule.anyone("/login");
    }

    @Bean
    AccessRule logout() {
        return AccessRule.anyone("/logout");
    }

    @Bean
    AccessRule invitationPages() {
        return AccessRule.anyone("/invito/**");
    }

    @Bean
    AccessRule userAdministration() {
        return AccessRule.roles("/ufficio/utenti/**", "ADMIN");
    }

    @Bean
    AccessRule auditLog() {
        return AccessRule.roles("/ufficio/audit/**", "ADMIN");
    }

    @Bean
    NavigationItem usersLink() {
        return NavigationItem.staff("nav.staff.users", "/ufficio/utenti", 90, "ADMIN");
    }

    @Bean
    NavigationItem auditLink() {
        return NavigationItem.staff("nav.staff.audit", "/ufficio/audit", 95, "ADMIN");
    }
}
