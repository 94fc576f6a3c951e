package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import it.comune.immigrati.practices.internal.PracticeRecords.RuleFigure;
import it.comune.immigrati.site.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's page of the figures the rules use: each with its period, its source, whether someone has
 * checked it, and which is in force today. A supervisor adds next year's figure, or corrects one (same
 * name and first day), and the calculators use it from its first day.
 */
@Controller
class RuleFiguresController {

    private final RuleFigures figures;
    private final Clock clock;

    RuleFiguresController(RuleFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/ufficio/pratiche/valori")
    String page(@RequestParam(name = "salvato", required = false) String saved, Model model) {
        return view(Map.of(), FormErrors.none(), saved != null, model);
    }

    private String view(Map<String, String> form, FormErrors errors, boolean saved, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("figures", figures.all());
        model.addAttribute("inForce", RuleFigures.NAMES.stream().map(name -> figures.inForce(name, today)).flatMap(java.util.Optional::stream).toList());
        model.addAttribute("names", RuleFigures.NAMES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "practices/rule-figures";
    }

    @PostMapping("/ufficio/pratiche/valori/nuovo")
    String save(@RequestParam Map<String, String> form, Principal user, HttpServletResponse response, Model model) {
        FormInput input = new FormInput(form);
        String name = input.raw("name");
        if (!RuleFigures.NAMES.contains(name)) {
            input.error("name", "practices.figures.error.name");
        }
        BigDecimal amount = input.number("amount", null, new BigDecimal("10000000"), "practices.figures.error.amount");
        if (amount != null && amount.signum() == 0 && input.errors().stream().noneMatch(e -> "amount".equals(e.field()))) {
            input.error("amount", "practices.figures.error.amount");
        }
        LocalDate from = date(input, "from", true);
        LocalDate to = date(input, "to", false);
        if (from != null && to != null && to.isBefore(from)) {
            input.error("to", "practices.figures.error.to");
        }
        String source = input.raw("source");
        if (source.length() < 3 || source.length() > 500) {
            input.error("source", "practices.figures.error.source");
        }
        if (!input.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return view(form, FormErrors.listed(input.errors()), false, model);
        }
        figures.save(new RuleFigure(name, from, to, amount, source, input.checked("verified"), user.getName()), user.getName());
        return "redirect:/ufficio/pratiche/valori?salvato";
    }

    private static LocalDate date(FormInput input, String field, boolean required) {
        if (input.blank(field)) {
            if (required) {
                input.error(field, "practices.figures.error." + field);
            }
            return null;
        }
        try {
            return LocalDate.parse(input.raw(field));
        } catch (DateTimeParseException notADate) {
            input.error(field, "practices.figures.error." + field);
            return null;
        }
    }
}
