package it.comune.immigrati.guides.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.comune.immigrati.search.SearchKind;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StaffCount;
import it.comune.immigrati.site.StaffNotice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuidesConfiguration {

    @Bean
    Route publicGuides() {
        return Route.open("/guide/**").cached().inMainMenu("guides.nav", "/guide", 5).inFooter("guides.nav", "/guide", 3);
    }

    /** Mediators write and submit translations; the routes below keep approval to editors and supervisors. */
    @Bean
    Route guideEditing() {
        return Route.staff("/ufficio/guide/**", "EDITOR", "SUPERVISOR", "MEDIATOR")
                .inStaffMenu("guides.staff.nav", "/ufficio/guide", 18, NavigationItem.GROUP_CONTENT);
    }

    /** Approving, sending back, withdrawing and managing a guide: editors and supervisors only. */
    @Bean
    Route guideApproval() {
        return Route.staff("/ufficio/guide/*/*/approva", "EDITOR", "SUPERVISOR");
    }

    @Bean
    Route guideSendBack() {
        return Route.staff("/ufficio/guide/*/*/rimanda", "EDITOR", "SUPERVISOR");
    }

    @Bean
    Route guideWithdrawal() {
        return Route.staff("/ufficio/guide/*/*/ritira", "EDITOR", "SUPERVISOR");
    }

    @Bean
    Route guideDetails() {
        return Route.staff("/ufficio/guide/*/dettagli", "EDITOR", "SUPERVISOR");
    }

    @Bean
    Route guideReviewed() {
        return Route.staff("/ufficio/guide/*/rivista", "EDITOR", "SUPERVISOR");
    }

    /** Guides past their review date, on the staff home of those who can review them. */
    @Bean
    StaffNotice guidesToReview(GuideCoverage coverage, Clock clock) {
        return roles -> {
            if (!roles.contains("EDITOR") && !roles.contains("SUPERVISOR")) {
                return List.of();
            }
            int due = coverage.dueForReview(LocalDate.now(clock)).size();
            return due == 0 ? List.of()
                    : List.of(new StaffNotice.Item("guides.notice.review", List.of(due), "/ufficio/guide?filtro=da-rivedere"));
        };
    }

    /** On the home of each editor and supervisor: the texts waiting for their approval (not their own). */
    @Bean
    StaffNotice textsToApprove(GuideStore store, GuidesProperties settings) {
        return StaffNotice.perMember((username, roles) -> {
            if (!roles.contains("EDITOR") && !roles.contains("SUPERVISOR")) {
                return List.of();
            }
            long mine = store.awaitingApproval().stream().filter(p -> p.mayBeApprovedBy(username, settings.fourEyes())).count();
            return mine == 0 ? List.of()
                    : List.of(new StaffNotice.Item("guides.notice.approve", List.of(mine), GuideStaffController.TO_APPROVE));
        });
    }

    /** Published guides are found by the site search, filtered as their own kind. */
    @Bean
    SearchKind guideSearchKind() {
        return new SearchKind(GuidePublication.SEARCH_KIND, "guides.search.kind", 10);
    }

    /** How many texts wait for approval, on the guides tile of those who approve them. */
    @Bean
    StaffCount guidesInReview(GuideStore store) {
        return new StaffCount() {
            @Override
            public String path() {
                return "/ufficio/guide";
            }

            @Override
            public Optional<Item> countFor(Set<String> roles) {
                if (!roles.contains("EDITOR") && !roles.contains("SUPERVISOR")) {
                    return Optional.empty();
                }
                long waiting = store.inReview();
                return waiting == 0 ? Optional.empty() : Optional.of(new Item("guides.count.in-review", waiting));
            }
        };
    }
}
