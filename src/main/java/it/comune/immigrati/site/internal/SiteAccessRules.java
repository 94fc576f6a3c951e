package it.comune.immigrati.site.internal;

import it.comune.immigrati.platform.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SiteAccessRules {

    @Bean
    AccessRule homePage() {
        return AccessRule.anyone("/");
    }

    @Bean
    AccessRule privacyPage() {
        return AccessRule.anyone("/privacy");
    }

    @Bean
    AccessRule accessibilityPage() {
        return AccessRule.anyone("/accessibilita");
    }

    @Bean
    AccessRule legalNotesPage() {
        return AccessRule.anyone("/note-legali");
    }

    @Bean
    AccessRule robots() {
        return AccessRule.anyone("/robots.txt");
    }

    @Bean
    AccessRule staticAssets() {
        return AccessRule.anyone("/static/**");
    }

    @Bean
    AccessRule webjars() {
        return AccessRule.anyone("/webjars/**");
    }

    @Bean
    AccessRule errorPage() {
        return AccessRule.anyone("/error");
    }

    /** The home page and the texts editors change through SitePages (which then raise the content version). */
    @Bean
    it.comune.immigrati.site.PageCache.Cacheable homePageCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/");
    }

    @Bean
    it.comune.immigrati.site.PageCache.Cacheable sitePagesCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/{page:privacy|accessibilita|note-legali}");
    }

    @Bean
    AccessRule staffPages() {
        return AccessRule.roles("/ufficio/pagine/**", "ADMIN", "EDITOR");
    }
}
