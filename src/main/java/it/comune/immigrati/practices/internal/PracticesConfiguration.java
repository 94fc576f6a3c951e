package it.comune.immigrati.practices.internal;

import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.TokenFreeForm;
import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.PageAction;
import it.comune.immigrati.site.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PracticesConfiguration {

    /** The calculators: the same page for everybody until a figure changes. */
    @Bean
    Route calculatorPages() {
        return Route.open("/calcolatori/**").cached().inMainMenu("nav.calculators", "/calcolatori", 17)
                .inFooter("nav.calculators", "/calcolatori", 7);
    }

    /*
     * A calculator's answer follows from what was posted and gives the poster nothing of anybody's, so its
     * forms need no CSRF token, and its pages stay the same for everybody and cacheable.
     */
    @Bean
    TokenFreeForm reunificationCalculator() {
        return new TokenFreeForm("/calcolatori/ricongiungimento");
    }

    @Bean
    TokenFreeForm housingCalculator() {
        return new TokenFreeForm("/calcolatori/idoneita-alloggiativa");
    }

    @Bean
    TokenFreeForm creditsCalculator() {
        return new TokenFreeForm("/calcolatori/crediti-accordo");
    }

    /** Which calculator, or the renewal reminders, helps with the procedure of each starter guide. */
    private static final Map<String, List<String>> CALCULATORS_BY_GUIDE = Map.of(
            "ricongiungimento-familiare", List.of("reunification", "housing"),
            "certificato-idoneita-alloggiativa", List.of("housing"),
            "accordo-di-integrazione", List.of("credits"),
            "permesso-di-soggiorno-richiesta-e-rinnovo", List.of("reminders"),
            "permesso-ue-soggiornanti-lungo-periodo", List.of("reminders"));

    private static final Map<String, String> CALCULATOR_PATHS = Map.of("reunification", "/calcolatori/ricongiungimento",
            "housing", "/calcolatori/idoneita-alloggiativa", "credits", "/calcolatori/crediti-accordo", "reminders", "/promemoria");

    /** On the guide about a procedure: a button to the calculator that checks its requirement. */
    @Bean
    PageAction calculatorFromGuide() {
        return (kind, ref, language) -> !PageAction.GUIDE.equals(kind) ? List.of()
                : CALCULATORS_BY_GUIDE.getOrDefault(ref, List.of()).stream()
                        .map(name -> new PageAction.Action("practices.action." + name, List.of(), CALCULATOR_PATHS.get(name), null))
                        .toList();
    }

    /** Renewal reminders: the sign-up form and the private page of the link in the e-mails. */
    @Bean
    Route reminderPages() {
        return Route.open("/promemoria/**").inFooter("nav.reminders", "/promemoria", 8);
    }

    /** Correcting a figure or adding next year's: the supervisors'. */
    @Bean
    Route figureChanges() {
        return Route.staff("/ufficio/pratiche/valori/nuovo", "ADMIN", "SUPERVISOR");
    }

    /** The figures in force and their sources: every member of staff may read them. */
    @Bean
    Route practicePages() {
        return Route.staff("/ufficio/pratiche/**", "ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR")
                .inStaffMenu("nav.staff.rule-figures", "/ufficio/pratiche/valori", 50, NavigationItem.GROUP_PRACTICES)
                .inStaffMenu("nav.staff.reminders", "/ufficio/pratiche/promemoria", 40, NavigationItem.GROUP_PRACTICES);
    }
}
