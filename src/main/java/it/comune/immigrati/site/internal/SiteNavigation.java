package it.comune.immigrati.site.internal;

import it.comune.immigrati.site.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The site's own pages in the menus. Other modules add theirs the same way. */
@Configuration(proxyBeanMethods = false)
class SiteNavigation {

    @Bean
    NavigationItem homeLink() {
        return NavigationItem.main("nav.home", "/", 0);
    }

    @Bean
    NavigationItem privacyLink() {
        return NavigationItem.footer("nav.privacy", "/privacy", 10);
    }

    @Bean
    NavigationItem accessibilityLink() {
        return NavigationItem.footer("nav.accessibility", "/accessibilita", 20);
    }

    @Bean
    NavigationItem legalNotesLink() {
        return NavigationItem.footer("nav.legal", "/note-legali", 30);
    }

    @Bean
    NavigationItem staffPagesLink() {
        return NavigationItem.staff("nav.staff.pages", "/ufficio/pagine", 80, "ADMIN", "EDITOR");
    }
}
