package it.comune.immigrati.search.internal;

import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.site.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchAccess {

    @Bean
    AccessRule searchPage() {
        return AccessRule.anyone("/cerca");
    }

    @Bean
    it.comune.immigrati.site.PageCache.Cacheable searchPagesCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/cerca/**");
    }

    @Bean
    it.comune.immigrati.site.PageCache.Cacheable searchApiCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/api/v1/search");
    }

    @Bean
    AccessRule searchSuggestions() {
        return AccessRule.anyone("/cerca/suggerimenti");
    }

    @Bean
    AccessRule searchMisses() {
        return AccessRule.roles("/ufficio/ricerche/**", "ADMIN", "SUPERVISOR", "EDITOR");
    }

    @Bean
    NavigationItem searchMissesLink() {
        return NavigationItem.staff("nav.staff.search-misses", "/ufficio/ricerche", 25, "ADMIN", "SUPERVISOR", "EDITOR");
    }
}
