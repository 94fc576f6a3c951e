package it.comune.immigrati.guides.internal;

import it.comune.immigrati.platform.Topics;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.guides.internal.GuideRecords.Card;
import it.comune.immigrati.guides.internal.GuideRecords.Shown;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Paged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The public guides: a list by life situation and topic, one page per guide, and the clarity question. */
@Controller
class GuideController {

    /** Guides per page of the list (a Comune with hundreds of guides still gets a light page). */
    static final int PAGE_SIZE = 24;

    private final GuidePublication publication;
    private final GuideFeedback feedback;
    private final List<String> topics;
    private final List<it.comune.immigrati.site.PageAction> actions;

    GuideController(GuidePublication publication, GuideFeedback feedback, Topics topicCodes,
            List<it.comune.immigrati.site.PageAction> actions) {
        this.actions = actions;
        this.publication = publication;
        this.feedback = feedback;
        this.topics = topicCodes.codes();
    }

    @GetMapping("/guide")
    String list(@RequestParam(name = "situazione", defaultValue = "") String situation,
            @RequestParam(name = "tema", defaultValue = "") String topic,
            @RequestParam(name = "pagina", defaultValue = "1") int page, HttpServletRequest request, Model model) {
        List<Card> all = publication.published(language(request));
        String chosenSituation = GuideRecords.SITUATIONS.contains(situation) ? situation : "";
        String chosenTopic = topics.contains(topic) ? topic : "";
        List<Card> shown = all.stream()
                .filter(c -> chosenSituation.isEmpty() || c.situations().contains(chosenSituation))
                .filter(c -> chosenTopic.isEmpty() || c.topic().equals(chosenTopic)).toList();
        // topics in the configured order, only those that have a guide
        List<String> present = topics.stream().filter(t -> all.stream().anyMatch(c -> c.topic().equals(t))).toList();
        Paged<Card> paged = Paged.of(shown, page, PAGE_SIZE);
        model.addAttribute("cards", paged.items());
        model.addAttribute("page", paged.page());
        model.addAttribute("pages", paged.pages());
        model.addAttribute("situations", GuideRecords.SITUATIONS);
        model.addAttribute("topics", present);
        model.addAttribute("situation", chosenSituation);
        model.addAttribute("topic", chosenTopic);
        return "guides/list";
    }

    @GetMapping("/guide/{slug}")
    String page(@PathVariable String slug, @RequestParam(name = "testo", required = false) String text,
            HttpServletRequest request, Model model) {
        // ?testo=it shows the Italian text inside the visitor's own interface: the interface language stays theirs
        Language content = Language.byCode(text).orElse(language(request));
        model.addAttribute("shown", publication.shown(slug, content)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("actions", actions.stream()
                .flatMap(a -> a.actionsFor(it.comune.immigrati.site.PageAction.GUIDE, slug, language(request)).stream()).toList());
        return "guides/page";
    }

    /** Second step of the clarity question: the rating chosen on the page, and why. Works without JavaScript. */
    @GetMapping("/guide/{slug}/valutazione")
    String feedback(@PathVariable String slug, @RequestParam(name = "voto", defaultValue = "0") int rating,
            HttpServletRequest request, Model model) {
        return feedbackForm(shown(slug, request), rating, List.of(), false, model);
    }

    @PostMapping("/guide/{slug}/valutazione")
    String recordFeedback(@PathVariable String slug, @RequestParam(name = "voto", defaultValue = "0") int rating,
            @RequestParam(name = "motivo", required = false) List<String> reasons, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Shown shown = shown(slug, request);
        List<String> chosen = reasons == null ? List.of() : reasons;
        if (!GuideFeedback.accepts(rating, chosen)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return feedbackForm(shown, rating, List.of(), true, model);
        }
        feedback.record(shown.guide().id(), shown.version().language(), rating, new ArrayList<>(chosen));
        return "redirect:/guide/" + slug + "/valutazione/grazie";
    }

    @GetMapping("/guide/{slug}/valutazione/grazie")
    String thanks(@PathVariable String slug, HttpServletRequest request, Model model) {
        model.addAttribute("shown", shown(slug, request));
        return "guides/thanks";
    }

    private String feedbackForm(Shown shown, int rating, List<String> chosen, boolean invalid, Model model) {
        model.addAttribute("shown", shown);
        model.addAttribute("rating", rating >= 1 && rating <= 5 ? rating : 0);
        model.addAttribute("reasons", GuideFeedback.reasonsFor(rating));
        model.addAttribute("chosen", chosen);
        model.addAttribute("invalid", invalid);
        return "guides/feedback";
    }

    private Shown shown(String slug, HttpServletRequest request) {
        return publication.shown(slug, language(request)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Language language(HttpServletRequest request) {
        return Language.of(RequestContextUtils.getLocale(request));
    }
}
