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
}
