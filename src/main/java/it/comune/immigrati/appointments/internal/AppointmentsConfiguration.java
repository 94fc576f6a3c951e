package it.comune.immigrati.appointments.internal;

import it.comune.immigrati.platform.TokenFreeForm;
import it.comune.immigrati.platform.WorkingDays;
import java.util.List;

import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.PageAction;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StampedPages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppointmentsProperties.class)
class AppointmentsConfiguration {

    @Bean
    SlotCalendar slotCalendar(WorkingDays workingDays) {
        return new SlotCalendar(workingDays);
    }

    /** The resident's booking steps and private pages: the 128-bit token in the path is the key. */
    @Bean
    Route bookingPages() {
        return Route.open("/appuntamenti/**").inMainMenu("nav.appointments", "/appuntamenti", 15);
    }

    /** The JSON API for a kiosk or an app: the same rules as the pages; the hold's token is the key. */
    @Bean
    Route bookingApi() {
        return Route.open("/api/v1/appointments/**");
    }

    private static final String TIMES_PAGE = "/appuntamenti/servizio/{service}/{office}";

    /**
     * The API's list of free times and the resident's page of times are the same for everybody: at the
     * minute new times open they are served from memory, kept while no booking or change went through this
     * node and for at most the free-times lifetime (another node's booking shows after that; a time taken
     * meanwhile answers "taken").
     */
    @Bean
    StampedPages freeTimesForEveryone(Bookings bookings) {
        return new StampedPages("/api/v1/appointments/services/{service}/offices/{office}/slots", bookings::freeTimesStamp);
    }

    @Bean
    StampedPages timesPageForEveryone(Bookings bookings) {
        return new StampedPages(TIMES_PAGE, bookings::freeTimesStamp);
    }

    /**
     * So the page of times carries nothing of one visitor: choosing a time needs no CSRF token (a site that
     * made a visitor's browser hold a time would gain nothing; the hold's link goes to that browser) and the
     * page's script fetches its proof-of-work challenge from the API.
     */
    @Bean
    TokenFreeForm chooseATime() {
        return new TokenFreeForm(TIMES_PAGE);
    }

    /** On a guide about a procedure the office helps with: a button that opens the booking at that service. */
    @Bean
    PageAction bookFromGuide(AppointmentStore store) {
        return (kind, ref, language) -> !PageAction.GUIDE.equals(kind) ? List.of()
                : store.servicesForGuide(ref, language.code()).stream()
                        .map(service -> new PageAction.Action("nav.appointments", List.of(),
                                "/appuntamenti/servizio/" + service.code(), service.name()))
                        .toList();
    }

    /** Services, offices and hours: the supervisors'. */
    @Bean
    Route appointmentSettings() {
        return Route.staff("/ufficio/appuntamenti/servizi/**", "ADMIN", "SUPERVISOR")
                .inStaffMenu("nav.staff.appointment-settings", "/ufficio/appuntamenti/servizi", 20, NavigationItem.GROUP_APPOINTMENTS);
    }

    @Bean
    Route staffAgenda() {
        return Route.staff("/ufficio/appuntamenti/**", "ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR")
                .inStaffMenu("nav.staff.agenda", "/ufficio/appuntamenti", 10, NavigationItem.GROUP_APPOINTMENTS);
    }
}
