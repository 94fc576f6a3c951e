package it.comune.immigrati.search.internal;

import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchAccess {

    @Bean
    Route searchPages() {
        return Route.open("/cerca/**").cached();
    }

    @Bean
    Route searchApi() {
        return Route.open("/api/v1/search").cached();
    }

    @Bean
    Route searchMisses() {
        return Route.staff("/ufficio/ricerche/**", "ADMIN", "SUPERVISOR", "EDITOR")
                .inStaffMenu("nav.staff.search-misses", "/ufficio/ricerche", 25, NavigationItem.GROUP_CONTENT);
    }
}
