package it.comune.immigrati.guides.internal;

import java.security.Principal;

import it.comune.immigrati.guides.internal.GuideRecords.Version;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow steps on one language of a guide: send to review, approve, send back, withdraw, restore an
 * old version. Who may take which step is decided twice: by the routes in GuidesConfiguration (approving,
 * sending back and withdrawing are for editors and supervisors) and by GuideWorkflow (the state, four eyes).
 */
@Controller
class GuideReviewController {

    private final GuideStore store;
    private final GuideWorkflow workflow;

    GuideReviewController(GuideStore store, GuideWorkflow workflow) {
        this.store = store;
        this.workflow = workflow;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/invia")
    String submit(@PathVariable long id, @PathVariable String lang, Principal staff, RedirectAttributes redirect) {
        workflow.submit(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.submitted");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/approva")
    String approve(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.approve(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.published");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/rimanda")
    String sendBack(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.sendBack(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.sent-back");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/verificata")
    String checked(@PathVariable long id, @PathVariable String lang, Principal staff, RedirectAttributes redirect) {
        workflow.markChecked(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.checked");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/ritira")
    String withdraw(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.withdraw(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.withdrawn");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/versioni/{number}/ripristina")
    String restore(@PathVariable long id, @PathVariable String lang, @PathVariable int number, Principal staff,
            RedirectAttributes redirect) {
        Version restored = workflow.restore(GuideUrls.guide(store, id).id(), GuideUrls.language(lang), number, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.restored");
        return "redirect:/ufficio/guide/" + id + "/" + lang + "#v" + restored.number();
    }

    /** A refused step goes back to the language's editor, with the reason (a restore is three levels down). */
    @ExceptionHandler(GuideWorkflow.WorkflowException.class)
    String refused(GuideWorkflow.WorkflowException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.messageKey());
        return "redirect:" + editorOf(request.getRequestURI());
    }

    /** {@code /ufficio/guide/7/ar/versioni/3/ripristina} and {@code /ufficio/guide/7/ar/approva}: {@code /ufficio/guide/7/ar}. */
    static String editorOf(String path) {
        return path.replaceFirst("^(/ufficio/guide/[^/]+/[^/]+)/.*$", "$1");
    }
}
