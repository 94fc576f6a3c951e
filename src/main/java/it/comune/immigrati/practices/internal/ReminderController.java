package it.comune.immigrati.practices.internal;

import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.PrivateLinks;
import it.comune.immigrati.practices.internal.PracticeRecords.Reminder;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The resident's renewal reminders, without an account and without JavaScript: the sign-up form, the
 * page that says to look for the confirmation e-mail, and the private page of the link in every e-mail,
 * where a button confirms the address or stops the reminders. Opening a link changes nothing: mail
 * scanners open links.
 */
@Controller
class ReminderController {

    private final RenewalReminders reminders;
    private final PrivateLinks links;

    ReminderController(RenewalReminders reminders, PrivateLinks links) {
        this.reminders = reminders;
        this.links = links;
    }

    @GetMapping("/promemoria")
    String form(HttpServletRequest request, Model model) {
        String language = Language.of(RequestContextUtils.getLocale(request)).code();
        return formView(Map.of("language", language), List.of(), model);
    }

    private String formView(Map<String, String> form, List<String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("first", reminders.today().plusDays(1).toString());
        model.addAttribute("last", reminders.today().plusYears(RenewalReminders.MAX_YEARS_AHEAD).toString());
        return "practices/reminders";
    }

    @PostMapping("/promemoria")
    String signUp(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
        RenewalReminders.SignUpResult result = reminders.signUp(new RenewalReminders.SignUp(form.get("email"), form.get("language"),
                form.get("expiry"), "true".equals(form.get("privacy"))), request.getRemoteAddr());
        if (result.accepted()) {
            // the link is only in the e-mail: whoever typed the address cannot confirm it
            return "redirect:/promemoria/inviato";
        }
        response.setStatus(result.status());
        return formView(form, result.errors(), model);
    }

    @GetMapping("/promemoria/inviato")
    String sent() {
        return "practices/reminders-sent";
    }

    @GetMapping("/promemoria/cancellato")
    String unsubscribed() {
        return "practices/reminders-gone";
    }

    private Reminder reminder(String token, HttpServletRequest request, HttpServletResponse response) {
        return links.find(token, reminders::byToken, request, response);
    }

    @GetMapping("/promemoria/{token}")
    String page(@PathVariable String token, @RequestParam(name = "confermato", required = false) String confirmed,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Reminder reminder = reminder(token, request, response);
        model.addAttribute("reminder", reminder);
        model.addAttribute("confirmed", confirmed != null);
        model.addAttribute("stages", RenewalReminders.STAGES);
        return "practices/reminder";
    }

    @PostMapping("/promemoria/{token}/conferma")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        reminders.confirm(reminder(token, request, response));
        return "redirect:/promemoria/" + token + "?confermato";
    }

    @PostMapping("/promemoria/{token}/cancella")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        reminders.unsubscribe(reminder(token, request, response));
        return "redirect:/promemoria/cancellato";
    }
}
