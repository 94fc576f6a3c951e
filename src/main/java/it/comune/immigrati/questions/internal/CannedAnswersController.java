package it.comune.immigrati.questions.internal;

import it.comune.immigrati.platform.Topics;
import java.security.Principal;

import it.comune.immigrati.site.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors keep the model answers operators start from. */
@Controller
@RequestMapping("/ufficio/modelli")
class CannedAnswersController {

    private final CannedAnswers canned;
    private final QuestionsProperties settings;
    private final java.util.List<String> topics;

    CannedAnswersController(CannedAnswers canned, QuestionsProperties settings, Topics topicCodes) {
        this.topics = topicCodes.codes();
        this.canned = canned;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long id, Model model) {
        model.addAttribute("answers", canned.all());
        model.addAttribute("editing", id == null ? null : canned.byId(id).orElse(null));
        model.addAttribute("topics", topics);
        return "questions/canned";
    }

    @PostMapping
    String save(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String topic,
            @RequestParam String language, @RequestParam String title, @RequestParam String body, Principal staff,
            RedirectAttributes redirect) {
        if (Language.byCode(language).isEmpty() || title.isBlank() || title.length() > 200 || body.isBlank()
                || body.length() > 20000 || (!topic.isEmpty() && !topics.contains(topic))) {
            redirect.addFlashAttribute("problem", "canned.error");
            return "redirect:/ufficio/modelli";
        }
        canned.save(id, topic.isEmpty() ? null : topic, language, title.strip(), body.strip(), staff.getName());
        redirect.addFlashAttribute("done", "canned.saved");
        return "redirect:/ufficio/modelli";
    }

    @PostMapping("/{id}/elimina")
    String delete(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        canned.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        canned.delete(id, staff.getName());
        redirect.addFlashAttribute("done", "canned.deleted");
        return "redirect:/ufficio/modelli";
    }
}
