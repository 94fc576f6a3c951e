package it.comune.immigrati.search.internal;

import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;

import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.FormErrors;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The editors' synonym lists, one per language, under the search's staff pages. */
@Controller
class SynonymsController {

    static final String PATH = "/ufficio/ricerche/sinonimi";
    /** Far more than 300 lines of 300 characters need: refused before it is parsed. */
    private static final int LONGEST_TEXT = 100_000;

    private final Synonyms synonyms;
    private final ApplicationEventPublisher events;

    SynonymsController(Synonyms synonyms, ApplicationEventPublisher events) {
        this.synonyms = synonyms;
        this.events = events;
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "lingua", defaultValue = "it") String lang,
            @RequestParam(name = "salvato", defaultValue = "false") boolean saved, Model model) {
        Language language = Language.byCode(lang).orElse(Language.DEFAULT);
        return show(language, synonyms.text(language), FormErrors.none(), List.of(), saved, model);
    }

    @PostMapping(PATH)
    @Transactional
    String save(@RequestParam(name = "lingua", defaultValue = "it") String lang, @RequestParam(name = "testo", defaultValue = "") String text,
            Principal staff, HttpServletResponse response, Model model) {
        Language language = Language.byCode(lang).orElse(Language.DEFAULT);
        List<Synonyms.Problem> problems = text.length() > LONGEST_TEXT
                ? List.of(new Synonyms.Problem("search.synonyms.error.many", 0)) : Synonyms.problems(text);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<String> keys = problems.stream().map(Synonyms.Problem::messageKey).distinct().toList();
            List<Integer> lines = problems.stream().map(Synonyms.Problem::line).filter(l -> l > 0).distinct().toList();
            return show(language, text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) : text,
                    FormErrors.mapped(keys, keys.stream().collect(Collectors.toMap(k -> k, k -> "synonyms-text"))), lines,
                    false, model);
        }
        synonyms.save(language, text, staff.getName());
        events.publishEvent(new Audited(staff.getName(), "search.synonyms-change", "search_synonyms", language.code(),
                Synonyms.groups(text).size() + " groups"));
        return "redirect:" + PATH + "?lingua=" + language.code() + "&salvato=true";
    }

    private String show(Language language, String text, FormErrors problems, List<Integer> lines, boolean saved, Model model) {
        model.addAttribute("language", language);
        model.addAttribute("text", text);
        model.addAttribute("groups", Synonyms.groups(text).size());
        model.addAttribute("problems", problems);
        model.addAttribute("lines", lines.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        model.addAttribute("saved", saved);
        return "search/synonyms";
    }
}
