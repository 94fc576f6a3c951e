package it.comune.immigrati.practices.internal;

import java.util.Map;

import it.comune.immigrati.site.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public calculators, without an account and without JavaScript: each is a form that posts to its
 * own page and comes back with the reckoning above the form, or with what to correct. The form is posted,
 * not sent in the address, so incomes and household members stay out of logs and browser history.
 */
@Controller
class CalculatorController {

    private final Calculators calculators;

    CalculatorController(Calculators calculators) {
        this.calculators = calculators;
    }

    @GetMapping("/calcolatori")
    String index() {
        return "practices/calculators";
    }

    @GetMapping("/calcolatori/ricongiungimento")
    String reunificationForm(Model model) {
        return reunificationView(Map.of(), null, model);
    }

    @PostMapping("/calcolatori/ricongiungimento")
    String reunification(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        PracticeRecords.Reunification done = calculators.reunification(form);
        status(done.errors(), response);
        return reunificationView(form, done, model);
    }

    private String reunificationView(Map<String, String> form, PracticeRecords.Reunification done, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("years", calculators.years());
        model.addAttribute("year", calculators.year(form.getOrDefault("year", "")));
        model.addAttribute("done", done);
        return "practices/reunification";
    }

    @GetMapping("/calcolatori/idoneita-alloggiativa")
    String housingForm(Model model) {
        return housingView(Map.of(), null, model);
    }

    @PostMapping("/calcolatori/idoneita-alloggiativa")
    String housing(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        PracticeRecords.Housing done = calculators.housing(form);
        status(done.errors(), response);
        return housingView(form, done, model);
    }

    private String housingView(Map<String, String> form, PracticeRecords.Housing done, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rules", done == null ? calculators.housingRules() : done.rules());
        model.addAttribute("rooms", Calculators.ROOMS);
        model.addAttribute("done", done);
        return "practices/housing";
    }

    @GetMapping("/calcolatori/crediti-accordo")
    String creditsForm(Model model) {
        return creditsView(Map.of(), null, model);
    }

    @PostMapping("/calcolatori/crediti-accordo")
    String credits(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        PracticeRecords.Credits done = calculators.credits(form);
        status(done.errors(), response);
        return creditsView(form, done, model);
    }

    private String creditsView(Map<String, String> form, PracticeRecords.Credits done, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("courses", Calculators.COURSES);
        model.addAttribute("done", done);
        return "practices/credits";
    }

    private static void status(FormErrors errors, HttpServletResponse response) {
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }
}
