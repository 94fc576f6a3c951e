package it.comune.immigrati.guides.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import it.comune.immigrati.guides.internal.GuideRecords.DiffLine;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Source;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;
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
 * Writing one language of a guide under {@code /ufficio/guide/<id>/<lang>}: the editor with the Italian
 * text beside a translation, saving a new version, and the differences between two versions. Mediators
 * write here as editors do; sending the text to review and approving it are in GuideReviewController.
 */
@Controller
class GuideEditorController {

    private final GuideStore store;
    private final GuideWorkflow workflow;
    private final GuideCoverage coverage;
    private final GuidesProperties settings;

    GuideEditorController(GuideStore store, GuideWorkflow workflow, GuideCoverage coverage, GuidesProperties settings) {
        this.settings = settings;
        this.store = store;
        this.workflow = workflow;
        this.coverage = coverage;
    }

    @GetMapping("/ufficio/guide/{id}/{lang}")
    String editor(@PathVariable long id, @PathVariable String lang, Principal staff, Model model) {
        Guide guide = GuideUrls.guide(store, id);
        Language language = GuideUrls.language(lang);
        Translation translation = store.translation(id, language).orElse(null);
        Version working = translation == null ? null : store.version(translation.workingVersionId()).orElseThrow();
        Text text = working != null ? working.text()
                // a new translation starts from the Italian text, to be translated in place
                : store.translation(id, Language.DEFAULT).flatMap(t -> store.version(t.workingVersionId()))
                        .map(Version::text).orElse(new Text("", "", "", List.of()));
        return editorPage(guide, language, translation, working, text.title(), text.summary(), text.body(),
                sourcesText(text.sources()), null, staff, model);
    }

    @PostMapping("/ufficio/guide/{id}/{lang}")
    String save(@PathVariable long id, @PathVariable String lang, @RequestParam String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "fonti", defaultValue = "") String sources,
            @RequestParam(name = "nota", defaultValue = "") String note, HttpServletResponse response, Principal staff,
            Model model, RedirectAttributes redirect) {
        Guide guide = GuideUrls.guide(store, id);
        Language language = GuideUrls.language(lang);
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
            return editorPage(guide, language, translation, working, title, summary, body, sources, error, staff, model);
        }
        Text text = new Text(title.strip(), summary.strip(), body.strip(), parsed);
        // saving the same text again would only add a version nobody can tell from the last one
        boolean unchanged = store.translation(id, language).flatMap(t -> store.version(t.workingVersionId()))
                .map(v -> v.text().equals(text)).orElse(false);
        if (!unchanged) {
            workflow.save(id, language, text, staff.getName(), note.strip());
        }
        redirect.addFlashAttribute("done", unchanged ? "guides.done.unchanged" : "guides.done.saved");
        return "redirect:/ufficio/guide/" + id + "/" + language.code();
    }

    @GetMapping("/ufficio/guide/{id}/{lang}/confronto")
    String diff(@PathVariable long id, @PathVariable String lang, @RequestParam(name = "da") int from,
            @RequestParam(name = "a") int to, Model model) {
        Guide guide = GuideUrls.guide(store, id);
        Language language = GuideUrls.language(lang);
        Version older = store.version(id, language, from).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Version newer = store.version(id, language, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<DiffLine> shown = diff(older, newer);
        model.addAttribute("guide", guide);
        model.addAttribute("title", store.title(guide));
        model.addAttribute("language", language);
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("lines", shown);
        return "guides/staff-diff";
    }

    private String editorPage(Guide guide, Language language, Translation translation, Version working, String title,
            String summary, String body, String sources, String error, Principal staff, Model model) {
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
        // the translator works beside the Italian text that the translation will be recorded as made from
        Version italian = language == Language.DEFAULT ? null
                : store.translation(guide.id(), Language.DEFAULT)
                        .flatMap(t -> store.version(GuideWorkflow.sourceVersionId(t)))
                        .orElse(null);
        model.addAttribute("italian", italian);
        // a translator updating a stale translation needs what changed in the Italian, not the whole text again
        Version italianBefore = italian == null || working == null || working.basedOn() == null
                || working.basedOn() == italian.id() ? null : store.version(working.basedOn()).orElse(null);
        model.addAttribute("italianBefore", italianBefore);
        model.addAttribute("italianChanges", italianBefore == null ? List.of() : diff(italianBefore, italian));
        model.addAttribute("mayApprove", translation != null && working != null
                && GuideWorkflow.mayApprove(staff.getName(), working.author(), translation.submittedBy(),
                        settings.fourEyes()));
        return "guides/staff-edit";
    }

    /** The changes from one version to another, two lines of context around each. */
    static List<DiffLine> diff(Version older, Version newer) {
        List<String> before = lines(older.text());
        List<String> after = lines(newer.text());
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + older.number(), "v" + newer.number(), before,
                DiffUtils.diff(before, after), 2);
        List<DiffLine> shown = new ArrayList<>();
        for (String line : unified.stream().skip(2).toList()) { // the two file header lines
            char change = line.isEmpty() ? ' ' : line.charAt(0);
            shown.add(new DiffLine(change == '+' || change == '-' || change == '@' ? change : ' ',
                    line.isEmpty() ? "" : line.substring(1)));
        }
        return shown;
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
