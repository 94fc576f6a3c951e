package it.comune.immigrati.site.internal;

import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The site's own routes: home, the editable pages, assets, errors and the staff home. */
@Configuration(proxyBeanMethods = false)
class SiteAccessRules {

    /** The home page changes only with public content. */
    @Bean
    Route homePage() {
        return Route.open("/").cached().inMainMenu("nav.home", "/", 0);
    }

    /** The texts editors change through SitePages (which then raise the content version). */
    @Bean
    Route editableSitePages() {
        return Route.open("/{page:privacy|accessibilita|note-legali}").cached()
                .inFooter("nav.privacy", "/privacy", 10).inFooter("nav.accessibility", "/accessibilita", 20)
                .inFooter("nav.legal", "/note-legali", 30);
    }

    @Bean
    Route robots() {
        return Route.open("/robots.txt");
    }

    @Bean
    Route staticAssets() {
        return Route.open("/static/**");
    }

    @Bean
    Route webjars() {
        return Route.open("/webjars/**");
    }

    @Bean
    Route errorPage() {
        return Route.open("/error");
    }

    /** The staff home: every staff member, whatever their roles. */
    @Bean
    Route staffHome() {
        return Route.staff("/ufficio", "ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR", "EDITOR");
    }

    @Bean
    Route staffPages() {
        return Route.staff("/ufficio/pagine/**", "ADMIN", "EDITOR")
                .inStaffMenu("nav.staff.pages", "/ufficio/pagine", 80, NavigationItem.GROUP_CONTENT);
    }
}
