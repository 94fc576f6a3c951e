package it.comune.immigrati.questions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.comune.immigrati.questions.internal.faq.Faqs;
import it.comune.immigrati.search.SearchKind;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StaffCount;
import it.comune.immigrati.site.StaffNotice;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuestionsProperties.class)
class QuestionsConfiguration {

    /** The desk's landing page changes only with published FAQ. */
    @Bean
    Route questionDeskPage() {
        return Route.open("/quesiti").cached().inMainMenu("nav.questions", "/quesiti", 10);
    }

    @Bean
    Route questionForm() {
        return Route.open("/quesiti/nuovo");
    }

    @Bean
    Route questionSuggestions() {
        return Route.open("/quesiti/suggerimenti");
    }

    /** The private pages: the 128-bit token in the path is the key. */
    @Bean
    Route questionStatusPages() {
        return Route.open("/quesiti/stato/**");
    }

    @Bean
    Route faqPages() {
        return Route.open("/faq/**").cached().inMainMenu("nav.faq", "/faq", 20).inFooter("nav.faq", "/faq", 5);
    }

    @Bean
    Route faqApi() {
        return Route.open("/api/v1/faq/**").cached();
    }

    @Bean
    Route questionsApi() {
        return Route.open("/api/v1/questions/**");
    }

    @Bean
    Route staffQuestions() {
        return Route.staff("/ufficio/quesiti/**", "ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR")
                .inStaffMenu("nav.staff.questions", "/ufficio/quesiti", 10, NavigationItem.GROUP_DESK);
    }

    @Bean
    Route cannedAnswerPages() {
        return Route.staff("/ufficio/modelli/**", "ADMIN", "SUPERVISOR")
                .inStaffMenu("nav.staff.canned", "/ufficio/modelli", 15, NavigationItem.GROUP_DESK);
    }

    @Bean
    Route staffFaq() {
        return Route.staff("/ufficio/faq/**", "ADMIN", "SUPERVISOR", "EDITOR")
                .inStaffMenu("nav.staff.faq", "/ufficio/faq", 20, NavigationItem.GROUP_CONTENT);
    }

    /** Published FAQ are found by the site search, filtered as their own kind. */
    @Bean
    SearchKind faqSearchKind() {
        return new SearchKind(Faqs.SEARCH_KIND, "questions.search.kind", 20);
    }

    /**
     * On the staff home: the member's own questions past their reply date and, for supervisors (who
     * reassign work), every question past it.
     */
    @Bean
    StaffNotice overdueQuestions(QuestionStore store) {
        return StaffNotice.perMember((username, roles) -> {
            List<StaffNotice.Item> items = new ArrayList<>();
            long mine = store.overdue(username);
            if (mine > 0) {
                items.add(new StaffNotice.Item("questions.notice.overdue-mine", List.of(mine), "/ufficio/quesiti?view=mine"));
            }
            if (roles.contains("SUPERVISOR")) {
                long all = store.overdue(null);
                if (all > 0) {
                    items.add(new StaffNotice.Item("questions.notice.overdue-all", List.of(all), "/ufficio/quesiti?view=overdue"));
                }
            }
            return items;
        });
    }

    /** On the questions tile of the staff home: the open questions assigned to the member. */
    @Bean
    StaffCount questionsAssignedToMe(QuestionStore store) {
        return new StaffCount() {
            @Override
            public String path() {
                return "/ufficio/quesiti";
            }

            @Override
            public Optional<Item> countFor(String username, Set<String> roles) {
                long mine = store.openAssignedTo(username);
                return mine == 0 ? Optional.empty() : Optional.of(new Item("questions.count.mine", mine));
            }
        };
    }
}
