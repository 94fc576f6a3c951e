package it.comune.immigrati.practices.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** How many residents get renewal reminders, for the office: counts only, never an address. */
@Controller
class ReminderCountsController {

    private final ReminderStore store;
    private final Clock clock;

    ReminderCountsController(ReminderStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/ufficio/pratiche/promemoria")
    String page(Model model) {
        model.addAttribute("counts", store.counts(clock.instant().minus(Duration.ofDays(30))));
        return "practices/reminder-counts";
    }
}
