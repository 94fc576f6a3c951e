package it.comune.immigrati.accounts.internal;

import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    Route loginPage() {
        return Route.open("/login");
    }

    @Bean
    Route logout() {
        return Route.open("/logout");
    }

    @Bean
    Route invitationPages() {
        return Route.open("/invito/**");
    }

    @Bean
    Route userAdministration() {
        return Route.staff("/ufficio/utenti/**", "ADMIN")
                .inStaffMenu("nav.staff.users", "/ufficio/utenti", 90, NavigationItem.GROUP_ADMINISTRATION);
    }

    @Bean
    Route auditLog() {
        return Route.staff("/ufficio/audit/**", "ADMIN")
                .inStaffMenu("nav.staff.audit", "/ufficio/audit", 95, NavigationItem.GROUP_ADMINISTRATION);
    }

    /** Residents' access and erasure requests, across every module that holds their data. */
    @Bean
    Route privacyRequestPages() {
        return Route.staff("/ufficio/privacy/**", "ADMIN", "SUPERVISOR")
                .inStaffMenu("nav.staff.privacy", "/ufficio/privacy", 85, NavigationItem.GROUP_ADMINISTRATION);
    }
}
