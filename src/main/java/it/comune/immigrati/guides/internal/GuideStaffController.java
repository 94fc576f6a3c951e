package it.comune.immigrati.guides.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import it.comune.immigrati.guides.internal.GuideRecords.DiffLine;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Source;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;
import it.comune.immigrati.site.Ui;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' side under {@code /ufficio/guide}: coverage table, new guides, writing and translating,
 * review and approval, versions with their differences, restore, and readers' clarity answers.
 * Mediators write and submit translations; editors and supervisors also approve and manage guides.
 */
@Controller
class GuideStaffController {

    private final GuideStore store;
    private final GuideWorkflow workflow;
    private final GuideCoverage coverage;
    private final GuideFeedback feedback;
    private final List<String> topics;

    GuideStaffController(GuideStore store, GuideWorkflow workflow, GuideCoverage coverage, GuideFeedback feedback,
            AciProperties properties) {
        this.store = store;
        this.workflow = workflow;
        this.coverage = coverage;
        this.feedback = feedback;
        this.topics = properties.topics();
    }

    @GetMapping("/ufficio/guide")
    String list(@RequestParam(name = "filtro", defaultValue = "") String filter, Model model) {
        LocalDate today = LocalDate.now(Ui.ROME);
        var rows = coverage.coverage();
        if ("da-rivedere".equals(filter)) {
            rows = rows.stream().filter(r -> r.guide().reviewOverdue(today)).toList();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("today", today);
        model.addAttribute("topics", topics);
        model.addAttribute("error", null);
        return "guides/staff-list";
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
            return "guides/staff-list";
        }
        long id = workflow.create(cleanSlug, topic, List.of(), null, staff.getName());
        workflow.save(id, Language.DEFAULT, new Text(cleanTitle, "", "", List.of()), staff.getName(), "");
        return "redirect:/ufficio/guide/" + id + "/it";
    }

    @GetMapping("/ufficio/guide/{id}")
    String guide(@PathVariable long id, Model model) {
        Guide guide = guide(id);
        model.addAttribute("guide", guide);
        model.addAttribute("title", store.title(guide));
        model.addAttribute("translations", store.translations(id));
        model.addAttribute("coverage", coverage.of(id).orElseThrow());
        model.addAttribute("feedback", feedback.summary(id));
        model.addAttribute("topics", topics);
        model.addAttribute("today", LocalDate.now(Ui.ROME));
        return "guides/staff-guide";
    }

    @PostMapping("/ufficio/guide/{id}/dettagli")
    String details(@PathVariable long id, @RequestParam String topic,
            @RequestParam(name = "situazione", required = false) List<String> situations,
            @RequestParam(name = "correlate", defaultValue = "") String related,
            @RequestParam(name = "rivedereEntro", defaultValue = "") String reviewBy,
            Principal staff, RedirectAttributes redirect) {
        Guide guide = guide(id);
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
        List<String> relatedSlugs = clean(Arrays.asList(related.split("[,\\s]+"))).stream()
                .filter(s -> !s.equals(guide.slug()) && store.bySlug(s).isPresent()).toList();
        workflow.updateDetails(id, topic, chosen, relatedSlugs, date, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.details");
        return "redirect:/ufficio/guide/" + id;
    }

    @PostMapping("/ufficio/guide/{id}/rivista")
    String reviewed(@PathVariable long id, Principal staff, RedirectAttributes redirect) {
        guide(id);
        workflow.markReviewed(id, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.reviewed");
        return "redirect:/ufficio/guide/" + id;
    }

    @GetMapping("/ufficio/guide/{id}/{lang}")
    String editor(@PathVariable long id, @PathVariable String lang, Model model) {
        Guide guide = guide(id);
        Language language = language(lang);
        Translation translation = store.translation(id, language).orElse(null);
        Version working = translation == null ? null : store.version(translation.workingVersionId()).orElseThrow();
        Text text = working != null ? working.text()
                // a new translation starts from the Italian text, to be translated in place
                : store.translation(id, Language.DEFAULT).flatMap(t -> store.version(t.workingVersionId()))
                        .map(Version::text).orElse(new Text("", "", "", List.of()));
        return editorPage(guide, language, translation, working, text.title(), text.summary(), text.body(),
                sourcesText(text.sources()), null, model);
    }

    @PostMapping("/ufficio/guide/{id}/{lang}")
    String save(@PathVariable long id, @PathVariable String lang, @RequestParam String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "fonti", defaultValue = "") String sources,
            @RequestParam(name = "nota", defaultValue = "") String note, HttpServletResponse response, Principal staff,
            Model model, RedirectAttributes redirect) {
        Guide guide = guide(id);
        Language language = language(lang);
        List<Source> parsed = parseSources(sources);
        String error = null;
        if (title.isBlank() || title.strip().length() > 200) {
            error = "guides.error.title";
        } else if (summary.length() > 1000 || body.length() > 100_000 || note.length() > 500) {
            error = "guides.error.length";
        } else if (parsed == null) {
            error = "guides.error.sources";
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Translation translation = store.translation(id, language).orElse(null);
            Version working = translation == null ? null : store.version(translation.workingVersionId()).orElseThrow();
            return editorPage(guide, language, translation, working, title, summary, body, sources, error, model);
        }
        Text text = new Text(title.strip(), summary.strip(), body.strip(), parsed);
        boolean unchanged = store.translation(id, language).flatMap(t -> store.version(t.workingVersionId()))
                .map(v -> v.text().equals(text)).orElse(false);
        if (!unchanged) {
            workflow.save(id, language, text, staff.getName(), note.strip());
        }
        redirect.addFlashAttribute("done", unchanged ? "guides.done.unchanged" : "guides.done.saved");
        return "redirect:/ufficio/guide/" + id + "/" + language.code();
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/invia")
    String submit(@PathVariable long id, @PathVariable String lang, Principal staff, RedirectAttributes redirect) {
        workflow.submit(guide(id).id(), language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.submitted");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/approva")
    String approve(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.approve(guide(id).id(), language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.published");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/rimanda")
    String sendBack(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.sendBack(guide(id).id(), language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.sent-back");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/ritira")
    String withdraw(@PathVariable long id, @PathVariable String lang, Principal staff,
            RedirectAttributes redirect) {
        workflow.withdraw(guide(id).id(), language(lang), staff.getName());
        redirect.addFlashAttribute("done", "guides.done.withdrawn");
        return "redirect:/ufficio/guide/" + id + "/" + lang;
    }

    @PostMapping("/ufficio/guide/{id}/{lang}/versioni/{number}/ripristina")
    String restore(@PathVariable long id, @PathVariable String lang, @PathVariable int number, Principal staff,
            RedirectAttributes redirect) {
        Version restored = workflow.restore(guide(id).id(), language(lang), number, staff.getName());
        redirect.addFlashAttribute("done", "guides.done.restored");
        return "redirect:/ufficio/guide/" + id + "/" + lang + "#v" + restored.number();
    }

    @GetMapping("/ufficio/guide/{id}/{lang}/confronto")
    String diff(@PathVariable long id, @PathVariable String lang, @RequestParam(name = "da") int from,
            @RequestParam(name = "a") int to, Model model) {
        Guide guide = guide(id);
        Language language = language(lang);
        Version older = store.version(id, language, from).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Version newer = store.version(id, language, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> before = lines(older.text());
        List<String> after = lines(newer.text());
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + from, "v" + to, before,
                DiffUtils.diff(before, after), 2);
        List<DiffLine> shown = new ArrayList<>();
        for (String line : unified.stream().skip(2).toList()) { // the two file header lines
            char change = line.isEmpty() ? ' ' : line.charAt(0);
            shown.add(new DiffLine(change == '+' || change == '-' || change == '@' ? change : ' ',
                    line.isEmpty() ? "" : line.substring(1)));
        }
        model.addAttribute("guide", guide);
        model.addAttribute("title", store.title(guide));
        model.addAttribute("language", language);
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("lines", shown);
        return "guides/staff-diff";
    }

    @ExceptionHandler(GuideWorkflow.WorkflowException.class)
    String refused(GuideWorkflow.WorkflowException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.messageKey());
        String path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }

    private String editorPage(Guide guide, Language language, Translation translation, Version working, String title,
            String summary, String body, String sources, String error, Model model) {
        model.addAttribute("guide", guide);
        model.addAttribute("guideTitle", store.title(guide));
        model.addAttribute("language", language);
        model.addAttribute("translation", translation);
        model.addAttribute("working", working);
        model.addAttribute("title", title);
        model.addAttribute("summary", summary);
        model.addAttribute("body", body);
        model.addAttribute("sources", sources);
        model.addAttribute("error", error);
        model.addAttribute("versions", store.versions(guide.id(), language));
        model.addAttribute("preview", working == null ? null : Markdown.withSections(working.text().body()).html());
        model.addAttribute("coverage", coverage.of(guide.id()).map(r -> r.in(language)).orElse(null));
        Version italian = language == Language.DEFAULT ? null
                : store.translation(guide.id(), Language.DEFAULT)
                        .flatMap(t -> store.version(t.publishedVersionId() != null ? t.publishedVersionId() : t.workingVersionId()))
                        .orElse(null);
        model.addAttribute("italian", italian);
        return "guides/staff-edit";
    }

    private Guide guide(long id) {
        return store.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Language language(String code) {
        return Language.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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

    private static List<String> lines(Text text) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + text.title());
        lines.add("");
        lines.addAll(text.summary().lines().toList());
        lines.add("");
        lines.addAll(text.body().lines().toList());
        lines.add("");
        text.sources().forEach(s -> lines.add("- " + s.title() + " | " + s.url() + " | " + (s.checked() == null ? "" : s.checked())));
        return lines;
    }

    /** One source a line: {@code title | url | date checked (optional)}. */
    static List<Source> parseSources(String text) {
        List<Source> sources = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("\\s*\\|\\s*");
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[0].length() > 300
                    || !parts[1].matches("https?://\\S{3,500}")) {
                return null;
            }
            LocalDate checked = null;
            if (parts.length == 3 && !parts[2].isBlank()) {
                try {
                    checked = LocalDate.parse(parts[2]);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            sources.add(new Source(parts[0], parts[1], checked));
        }
        return sources.size() > 30 ? null : sources;
    }

    static List<String> clean(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && !result.contains(value.strip())) {
                result.add(value.strip());
            }
        }
        return result;
    }

    static String sourcesText(List<Source> sources) {
        StringBuilder text = new StringBuilder();
        for (Source source : sources) {
            text.append(source.title()).append(" | ").append(source.url());
            if (source.checked() != null) {
                text.append(" | ").append(source.checked());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
