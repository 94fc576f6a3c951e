package it.comune.immigrati.guides.internal;

import java.time.LocalDate;
import java.util.List;

import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.PageCache;
import it.comune.immigrati.site.StaffNotice;
import it.comune.immigrati.site.Ui;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuidesConfiguration {

    @Bean
    AccessRule publicGuides() {
        return AccessRule.anyone("/guide");
    }

    @Bean
    AccessRule publicGuidePages() {
        return AccessRule.anyone("/guide/**");
    }

    /** Mediators write and submit translations; the rules below keep approval to editors and supervisors. */
    @Bean
    AccessRule guideEditing() {
        return AccessRule.roles("/ufficio/guide/**", "EDITOR", "SUPERVISOR", "MEDIATOR");
    }

    /** Approving, sending back, withdrawing and managing a guide: editors and supervisors only. */
    @Bean
    AccessRule guideApproval() {
        return AccessRule.roles("/ufficio/guide/*/*/approva", "EDITOR", "SUPERVISOR");
    }

    @Bean
    AccessRule guideSendBack() {
        return AccessRule.roles("/ufficio/guide/*/*/rimanda", "EDITOR", "SUPERVISOR");
    }

    @Bean
    AccessRule guideWithdrawal() {
        return AccessRule.roles("/ufficio/guide/*/*/ritira", "EDITOR", "SUPERVISOR");
    }

    @Bean
    AccessRule guideDetails() {
        return AccessRule.roles("/ufficio/guide/*/dettagli", "EDITOR", "SUPERVISOR");
    }

    @Bean
    AccessRule guideReviewed() {
        return AccessRule.roles("/ufficio/guide/*/rivista", "EDITOR", "SUPERVISOR");
    }

    @Bean
    AccessRule guideEditingList() {
        return AccessRule.roles("/ufficio/guide", "EDITOR", "SUPERVISOR", "MEDIATOR");
    }

    @Bean
    PageCache.Cacheable guidePagesCached() {
        return new PageCache.Cacheable("/guide/**");
    }

    @Bean
    NavigationItem guidesNavigation() {
        return NavigationItem.main("guides.nav", "/guide", 5);
    }

    @Bean
    NavigationItem guidesFooterLink() {
        return NavigationItem.footer("guides.nav", "/guide", 3);
    }

    @Bean
    NavigationItem guidesStaffNavigation() {
        return NavigationItem.staff("guides.staff.nav", "/ufficio/guide", 18, "EDITOR", "SUPERVISOR", "MEDIATOR");
    }

    /** Guides past their review date, on the staff home of those who can review them. */
    @Bean
    StaffNotice guidesToReview(Guides guides) {
        return roles -> {
            if (!roles.contains("EDITOR") && !roles.contains("SUPERVISOR")) {
                return List.of();
            }
            int due = guides.dueForReview(LocalDate.now(Ui.ROME)).size();
            return due == 0 ? List.of()
                    : List.of(new StaffNotice.Item("guides.notice.review", List.of(due), "/ufficio/guide?filtro=da-rivedere"));
        };
    }
}
