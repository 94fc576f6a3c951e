package it.comune.immigrati.questions.internal;

import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.site.NavigationItem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuestionsProperties.class)
class QuestionsConfiguration {

    @Bean
    AccessRule questionDeskPage() {
        return AccessRule.anyone("/quesiti");
    }

    @Bean
    AccessRule questionForm() {
        return AccessRule.anyone("/quesiti/nuovo");
    }

    @Bean
    AccessRule questionSuggestions() {
        return AccessRule.anyone("/quesiti/suggerimenti");
    }

    @Bean
    AccessRule faqPages() {
        return AccessRule.anyone("/faq/**");
    }

    @Bean
    AccessRule staffFaq() {
        return AccessRule.roles("/ufficio/faq/**", "ADMIN", "SUPERVISOR", "EDITOR");
    }

    @Bean
    AccessRule privacyRequests() {
        return AccessRule.roles("/ufficio/privacy/**", "ADMIN", "SUPERVISOR");
    }

    @Bean
    NavigationItem privacyRequestsLink() {
        return NavigationItem.staff("nav.staff.privacy", "/ufficio/privacy", 85, "ADMIN", "SUPERVISOR");
    }

    @Bean
    AccessRule cannedAnswerPages() {
        return AccessRule.roles("/ufficio/modelli/**", "ADMIN", "SUPERVISOR");
    }

    @Bean
    NavigationItem cannedAnswersLink() {
        return NavigationItem.staff("nav.staff.canned", "/ufficio/modelli", 15, "ADMIN", "SUPERVISOR");
    }

    @Bean
    AccessRule questionsApi() {
        return AccessRule.anyone("/api/v1/**");
    }

    @Bean
    AccessRule openApiDescription() {
        return AccessRule.anyone("/v3/api-docs/**");
    }

    @Bean
    NavigationItem faqLink() {
        return NavigationItem.main("nav.faq", "/faq", 20);
    }

    @Bean
    NavigationItem faqFooterLink() {
        return NavigationItem.footer("nav.faq", "/faq", 5);
    }

    @Bean
    NavigationItem staffFaqLink() {
        return NavigationItem.staff("nav.staff.faq", "/ufficio/faq", 20, "ADMIN", "SUPERVISOR", "EDITOR");
    }

    /** The private pages: the 128-bit token in the path is the key. */
    @Bean
    AccessRule questionStatusPages() {
        return AccessRule.anyone("/quesiti/stato/**");
    }

    @Bean
    AccessRule staffQuestions() {
        return AccessRule.roles("/ufficio/quesiti/**", "ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR");
    }

    @Bean
    NavigationItem questionsLink() {
        return NavigationItem.main("nav.questions", "/quesiti", 10);
    }

    @Bean
    NavigationItem staffQuestionsLink() {
        return NavigationItem.staff("nav.staff.questions", "/ufficio/quesiti", 10, "ADMIN", "SUPERVISOR", "OPERATOR",
                "MEDIATOR");
    }

    /** Public FAQ pages and the desk's landing page change only with published FAQ. */
    @Bean
    it.comune.immigrati.site.PageCache.Cacheable faqPagesCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/faq/**");
    }

    @Bean
    it.comune.immigrati.site.PageCache.Cacheable deskLandingCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/quesiti");
    }

    @Bean
    it.comune.immigrati.site.PageCache.Cacheable faqApiCached() {
        return new it.comune.immigrati.site.PageCache.Cacheable("/api/v1/faq/**");
    }
}
