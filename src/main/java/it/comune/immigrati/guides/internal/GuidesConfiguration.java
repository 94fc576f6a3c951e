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

    /** Mediators write translations; approving is checked again per action (editors and supervisors). */
    @Bean
    AccessRule guideEditing() {
        return AccessRule.roles("/ufficio/guide/**", "EDITOR", "SUPERVISOR", "MEDIATOR");
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
