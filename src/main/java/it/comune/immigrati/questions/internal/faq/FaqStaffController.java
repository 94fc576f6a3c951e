package it.comune.immigrati.questions.internal.faq;

import it.comune.immigrati.platform.Topics;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.questions.internal.NeedToKnow;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionStore;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import it.comune.immigrati.questions.internal.faq.FaqRecords.Faq;
import it.comune.immigrati.questions.internal.faq.FaqRecords.FaqText;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors review, translate and publish FAQ; operators turn an answered question into a draft. */
@Controller
class FaqStaffController {

    private final Faqs faqs;
    private final QuestionStore questions;
    private final QuestionsProperties settings;
    private final java.util.List<String> topics;

    private final NeedToKnow needToKnow;

    FaqStaffController(Faqs faqs, QuestionStore questions, QuestionsProperties settings,
            NeedToKnow needToKnow, Topics topicCodes) {
        this.needToKnow = needToKnow;
        this.topics = topicCodes.codes();
        this.faqs = faqs;
        this.questions = questions;
        this.settings = settings;
    }

    @PostMapping("/ufficio/quesiti/{code}/faq")
    String draft(@PathVariable String code, Principal staff, RedirectAttributes redirect) {
        Question question = questions.byCode(code).filter(needToKnow.of(staff.getName())::sees)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!faqs.canPublish(question, questions.thread(question.id(), false))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        long id = faqs.draftFrom(question, staff.getName());
        redirect.addFlashAttribute("done", "faq.staff.drafted");
        return "redirect:/ufficio/faq/" + id;
    }

    @GetMapping("/ufficio/faq")
    String list(Model model) {
        model.addAttribute("faqs", faqs.all());
        return "questions/faq-staff-list";
    }

    @GetMapping("/ufficio/faq/{id}")
    String edit(@PathVariable long id, @RequestParam(name = "testo", defaultValue = "it") String lang, Model model) {
        Faq faq = faqs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Language language = Language.byCode(lang).orElse(Language.DEFAULT);
        FaqText text = faq.text(language);
        return editor(faq, language, text == null ? "" : text.question(), text == null ? "" : text.answer(), List.of(), model);
    }

    private String editor(Faq faq, Language language, String question, String answer, List<String> errors, Model model) {
        model.addAttribute("faq", faq);
        model.addAttribute("language", language);
        model.addAttribute("question", question);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", topics);
        return "questions/faq-staff-edit";
    }

    @PostMapping("/ufficio/faq/{id}/testo")
    String saveText(@PathVariable long id, @RequestParam String lang, @RequestParam(defaultValue = "") String question,
            @RequestParam(defaultValue = "") String answer, Principal staff, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Faq faq = faqs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Language language = Language.byCode(lang).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        List<String> errors = new ArrayList<>();
        if (question.isBlank() || question.length() > 2000) {
            errors.add("faq.staff.error.question");
        }
        if (answer.isBlank() || answer.length() > 20000) {
            errors.add("faq.staff.error.answer");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(faq, language, question, answer, errors, model);
        }
        faqs.saveText(id, language, question.strip(), answer.strip(), staff.getName());
        redirect.addFlashAttribute("done", "faq.staff.saved");
        return "redirect:/ufficio/faq/" + id + "?testo=" + language.code();
    }

    @PostMapping("/ufficio/faq/{id}/dati")
    String saveMeta(@PathVariable long id, @RequestParam String slug, @RequestParam String topic, Principal staff,
            RedirectAttributes redirect) {
        faqs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String cleanSlug = slug.strip().toLowerCase(java.util.Locale.ROOT);
        if (!cleanSlug.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || cleanSlug.length() > 100 || !topics.contains(topic)
                || faqs.bySlug(cleanSlug).filter(f -> f.id() != id).isPresent()) {
            redirect.addFlashAttribute("problem", "faq.staff.error.slug");
            return "redirect:/ufficio/faq/" + id;
        }
        faqs.update(id, cleanSlug, topic, staff.getName());
        redirect.addFlashAttribute("done", "faq.staff.saved");
        return "redirect:/ufficio/faq/" + id;
    }

    @PostMapping("/ufficio/faq/{id}/pubblica")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean noPersonalData, Principal staff,
            RedirectAttributes redirect) {
        Faq faq = faqs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!noPersonalData) {
            // the automatic redaction catches what is easy to miss; a person confirms nothing is left
            redirect.addFlashAttribute("problem", "faq.staff.error.personal-data");
            return "redirect:/ufficio/faq/" + id;
        }
        if (faq.text(Language.DEFAULT) == null) {
            redirect.addFlashAttribute("problem", "faq.staff.error.italian");
            return "redirect:/ufficio/faq/" + id;
        }
        faqs.publish(id, staff.getName());
        redirect.addFlashAttribute("done", "faq.staff.published");
        return "redirect:/ufficio/faq/" + id;
    }

    @PostMapping("/ufficio/faq/{id}/ritira")
    String withdraw(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        faqs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        faqs.withdraw(id, staff.getName());
        redirect.addFlashAttribute("done", "faq.staff.withdrawn");
        return "redirect:/ufficio/faq/" + id;
    }
}
