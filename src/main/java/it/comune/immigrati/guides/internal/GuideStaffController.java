package it.comune.immigrati.guides.internal;

import it.comune.immigrati.platform.Topics;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.site.Language;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' guides under {@code /ufficio/guide}: the coverage table, new guides, and one guide's page
 * with its languages, its details, its review date and the readers' clarity answers. Writing a text is in
 * GuideEditorController, the steps of its review in GuideReviewController.
 */
@Controller
class GuideStaffController {

    /** The reviewers' list: texts sent for approval. */
    static final String TO_APPROVE = "/ufficio/guide/da-approvare";

    private final GuideStore store;
    private final GuideWorkflow workflow;
    private final GuideCoverage coverage;
    private final GuideFeedback feedback;
    private final Clock clock;
    private final List<String> topics;
    private final GuidesProperties settings;

    GuideStaffController(GuideStore store, GuideWorkflow workflow, GuideCoverage coverage, GuideFeedback feedback,
            Clock clock, Topics topicCodes, GuidesProperties settings) {
        this.settings = settings;
        this.store = store;
        this.workflow = workflow;
        this.coverage = coverage;
        this.feedback = feedback;
        this.clock = clock;
        this.topics = topicCodes.codes();
    }

    @GetMapping("/ufficio/guide")
    String list(@RequestParam(name = "filtro", defaultValue = "") String filter, Model model) {
        LocalDate today = LocalDate.now(clock);
        var rows = coverage.coverage();
        if ("da-rivedere".equals(filter)) {
            rows = rows.stream().filter(r -> r.guide().reviewOverdue(today)).toList();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("today", today);
        model.addAttribute("topics", topics);
        model.addAttribute("error", null);
        model.addAttribute("awaiting", store.inReview());
        return "guides/staff-list";
    }

    /** What waits for approval, the longest waiting first; each says whether this member may approve it. */
    @GetMapping(TO_APPROVE)
    String toApprove(Principal staff, Model model) {
        List<GuideRecords.Pending> pending = store.awaitingApproval();
        model.addAttribute("pending", pending);
        model.addAttribute("mine", pending.stream().filter(p -> p.mayBeApprovedBy(staff.getName(), settings.fourEyes()))
                .map(p -> p.guideId() + "/" + p.language().code()).collect(java.util.stream.Collectors.toSet()));
        return "guides/staff-approve";
    }

    @PostMapping("/ufficio/guide")
    String create(@RequestParam String slug, @RequestParam String topic, @RequestParam String title,
            HttpServletRequest request, HttpServletResponse response, Principal staff, Model model) {
        requireManager(request);
        String cleanSlug = slug.strip();
        String cleanTitle = title.strip();
        String error = null;
        if (!cleanSlug.matches("[a-z0-9]+(-[a-z0-9]+)*") || cleanSlug.length() > 100) {
            error = "guides.error.slug";
        } else if (store.bySlug(cleanSlug).isPresent()) {
            error = "guides.error.slug-taken";
        } else if (!topics.contains(topic) || cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            error = "guides.error.fields";
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            list("", model);
            model.addAttribute("error", error);
            // what the editor typed stays in the form, to be corrected rather than written again
            model.addAttribute("newTitle", cleanTitle);
            model.addAttribute("newSlug", cleanSlug);
            model.addAttribute("newTopic", topic);
            return "guides/staff-list";
        }
        long id = workflow.create(cleanSlug, topic, List.of(), null, staff.getName());
        workflow.save(id, Language.DEFAULT, new Text(cleanTitle, "", "", List.of()), staff.getName(), "");
        return "redirect:/ufficio/guide/" + id + "/it";
    }

    @GetMapping("/ufficio/guide/{id}")
    String guide(@PathVariable long id, Model model) {
        Guide guide = GuideUrls.guide(store, id);
        model.addAttribute("guide", guide);
        model.addAttribute("title", store.title(guide));
        model.addAttribute("translations", store.translations(id));
        model.addAttribute("coverage", coverage.of(id).orElseThrow());
        model.addAttribute("feedback", feedback.summary(id));
        model.addAttribute("topics", topics);
        model.addAttribute("today", LocalDate.now(clock));
        return "guides/staff-guide";
    }

    @PostMapping("/ufficio/guide/{id}/dettagli")
    String details(@PathVariable long id, @RequestParam String topic,
            @RequestParam(name = "situazione", required = false) List<String> situations,
            @RequestParam(name = "correlate", defaultValue = "") String related,
            @RequestParam(name = "rivedereEntro", defaultValue = "") String reviewBy,
            Principal staff, RedirectAttributes redirect) {
        Guide guide = GuideUrls.guide(store, id);
        List<String> chosen = situations == null ? List.of() : situations;
        LocalDate date;
        try {
            date = reviewBy.isBlank() ? null : LocalDate.parse(reviewBy.strip());
        } catch (DateTimeParseException e) {
            date = guide.reviewBy();
            redirect.addFlashAttribute("problem", "guides.error.date");
        }
        if (!topics.contains(topic) || !GuideRecords.SITUATIONS.containsAll(chosen)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        List<String> relatedSlugs = distinct(Arrays.asList(related.split("[,\\s]+"))).stream()
                .filter(s -> !s.equals(guide.slug()) && store.bySlug(s).isPresent()).toList();
        workflow.updateDetails(id, topic, chosen, relatedSlugs, date, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.details");
        return "redirect:/ufficio/guide/" + id;
    }

    @PostMapping("/ufficio/guide/{id}/rivista")
    String reviewed(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        GuideUrls.guide(store, id);
        workflow.markReviewed(id, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.reviewed");
        return "redirect:/ufficio/guide/" + id;
    }

    /**
     * Creating a guide is for editors and supervisors. (The list at the same address is open to mediators,
     * so this one check cannot be an access rule; the other managing actions are, in GuidesConfiguration.)
     */
    private static void requireManager(HttpServletRequest request) {
        if (!request.isUserInRole("EDITOR") && !request.isUserInRole("SUPERVISOR")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** Stripped, without blanks and repeats, in the order given. */
    private static List<String> distinct(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && !result.contains(value.strip())) {
                result.add(value.strip());
            }
        }
        return result;
    }
}
