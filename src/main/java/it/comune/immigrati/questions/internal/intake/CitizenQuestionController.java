package it.comune.immigrati.questions.internal.intake;

import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.platform.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.platform.RateLimit;
import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.Downloads;
import it.comune.immigrati.questions.internal.QuestionDesk;
import it.comune.immigrati.questions.internal.QuestionRecords;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionStore;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import it.comune.immigrati.questions.internal.faq.Faqs;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.VisitorLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The resident's side of the desk: ask, then follow the question on a private page. No account needed. */
@Controller
class CitizenQuestionController {

    private final RateLimit linkGuesses;

    private final QuestionDesk desk;
    private final QuestionsProperties settings;
    private final java.util.List<String> topics;
    private final Attachments attachments;
    private final SubmissionLimits limits;
    private final Faqs faqs;
    private final Search search;
    private final QuestionIntake intake;
    private final ProofOfWork proofOfWork;

    private final it.comune.immigrati.site.UiFactory uis;

    CitizenQuestionController(it.comune.immigrati.platform.AciProperties aci, QuestionDesk desk, QuestionsProperties settings, Attachments attachments,
            SubmissionLimits limits, Faqs faqs, Search search, QuestionIntake intake, ProofOfWork proofOfWork,
            Topics topicCodes, it.comune.immigrati.site.UiFactory uis) {
        this.uis = uis;
        this.topics = topicCodes.codes();
        this.intake = intake;
        this.proofOfWork = proofOfWork;
        this.desk = desk;
        this.settings = settings;
        this.attachments = attachments;
        this.limits = limits;
        this.faqs = faqs;
        this.search = search;
        this.linkGuesses = RateLimit.of(aci.security().maxUnknownLinksPerClient(), aci.security().clientFailureWindow());
    }

    @GetMapping("/quesiti")
    String desk(HttpServletRequest request, Model model) {
        model.addAttribute("days", settings.answerWithinWorkingDays());
        model.addAttribute("faqs", faqs.publishedPage(Language.of(RequestContextUtils.getLocale(request)), null, 1, 6, false)
                .items());
        return "questions/desk";
    }

    /** FAQ that may already answer what the resident is typing (htmx asks; without JavaScript it is a plain page). */
    @GetMapping("/quesiti/suggerimenti")
    String suggestions(@RequestParam(defaultValue = "") String text, HttpServletRequest request, Model model) {
        model.addAttribute("hits", suggest(text, Language.of(RequestContextUtils.getLocale(request))));
        return "questions/suggestions";
    }

    List<Search.Hit> suggest(String text, Language language) {
        String query = text.length() > 300 ? text.substring(0, 300) : text;
        if (query.strip().length() < 4) {
            return List.of();
        }
        // the longest words say most about what is asked; every word must match, so take a few
        List<String> words = java.util.Arrays.stream(query.split("[^\\p{L}\\p{M}\\p{N}]+")).filter(w -> w.length() > 3)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(3).toList();
        java.util.LinkedHashMap<String, Search.Hit> hits = new java.util.LinkedHashMap<>();
        for (String word : words) {
            for (Search.Hit hit : search.search(word, language, List.of(Faqs.SEARCH_KIND), null, 5).hits()) {
                hits.putIfAbsent(hit.ref(), hit);
            }
        }
        return hits.values().stream().limit(5).toList();
    }

    @GetMapping("/quesiti/nuovo")
    String form(HttpServletRequest request, Model model) {
        QuestionForm form = new QuestionForm();
        form.setLanguage(Language.of(RequestContextUtils.getLocale(request)).code());
        return formView(form, List.of(), model);
    }

    @PostMapping("/quesiti/nuovo")
    String submit(@ModelAttribute QuestionForm form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        IntakeResult result = intake.accept(new Submission(Channel.WEB, form.getSubmission(), form.getEmail(),
                form.getName(), form.getLanguage(), form.getTopic(), form.getText(), form.isPrivacy(), form.isPublish(),
                Attachments.uploads(form.getAttachments()), form.getWebsite(), form.getAltcha(), null),
                request.getRemoteAddr());
        // Java 17: no switch over a sealed type yet, so one branch per result, the last one closing the set
        if (result instanceof IntakeResult.Accepted accepted) {
            return "redirect:/quesiti/stato/" + accepted.question().accessToken() + "?inviata";
        }
        if (result instanceof IntakeResult.Duplicate first) { // a double click: the first question's page
            return "redirect:/quesiti/stato/" + first.question().accessToken() + "?inviata";
        }
        if (result instanceof IntakeResult.Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formView(form, withFilesToChooseAgain(refused.errors(), form.getAttachments()), model);
        }
        if (result instanceof IntakeResult.Limited) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return formView(form, List.of("questions.error.rate"), model);
        }
        if (result instanceof IntakeResult.KeyTaken) {
            // the key was sent before from another address: a new key, so that sending again asks anew
            form.setSubmission(java.util.UUID.randomUUID());
            response.setStatus(HttpStatus.CONFLICT.value());
            return formView(form, List.of("questions.error.key-taken"), model);
        }
        IntakeResult.Unavailable.class.cast(result); // the last of the sealed set: a new kind of result fails here
        // the resident keeps what they wrote and is told to retry
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(IntakeResult.Unavailable.RETRY_AFTER_SECONDS));
        return formView(form, List.of("questions.error.unavailable"), model);
    }

    /** A browser cannot fill a file field in again: a refused form says so, beside the field. */
    private static List<String> withFilesToChooseAgain(List<String> errors, List<MultipartFile> uploads) {
        boolean hadFiles = uploads != null && uploads.stream().anyMatch(f -> f != null && !f.isEmpty());
        if (!hadFiles) {
            return errors;
        }
        List<String> all = new ArrayList<>(errors);
        all.add("questions.error.attachments.again");
        return all;
    }

    private String formView(QuestionForm form, List<String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", topics);
        model.addAttribute("maxAttachments", intake.rule(Channel.WEB).maxFiles());
        model.addAttribute("maxTextLength", intake.rule(Channel.WEB).maxTextLength());
        model.addAttribute("challenge", proofOfWork.challenge());
        return "questions/new";
    }

    // ---- the private page ----

    @GetMapping("/quesiti/stato/{token}")
    String status(@PathVariable String token, HttpServletRequest request, @RequestParam(required = false) String inviata,
            @RequestParam(required = false) String aggiornata, Model model, HttpServletResponse response) {
        Question question = question(token, request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        if (!VisitorLanguage.chosen(request)) {
            // a link without its language on a device that never chose one: the question's language, kept from here on
            VisitorLanguage.choose(request, response, Language.byCode(question.language()).orElse(Language.DEFAULT));
            model.addAttribute("ui", uis.ui(request));
        }
        List<QuestionRecords.Message> thread = desk.publicThread(question);
        model.addAttribute("question", question);
        model.addAttribute("privateLink", desk.privateLink(question));
        model.addAttribute("thread", thread);
        model.addAttribute("justSent", inviata != null);
        model.addAttribute("updated", aggiornata != null);
        model.addAttribute("errors", List.of());
        model.addAttribute("suggestions", inviata == null || thread.isEmpty() ? List.of()
                : suggest(thread.get(0).body(), Language.byCode(question.language()).orElse(Language.DEFAULT)));
        return "questions/status";
    }

    @PostMapping("/quesiti/stato/{token}/messaggio")
    String addMessage(@PathVariable String token, HttpServletRequest request, @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads, Model model,
            HttpServletResponse response) {
        Question question = question(token, request);
        List<String> errors = new ArrayList<>();
        String body = text.strip();
        if (body.isEmpty() || intake.rule(Channel.WEB).tooLong(body)) {
            errors.add(body.isEmpty() ? "questions.error.text.short" : "questions.error.text.long");
        }
        Attachments.Checked files = attachments.check(uploads == null ? List.of() : uploads);
        errors.addAll(files.errors());
        if (errors.isEmpty() && !limits.allowPrivateMessage(question.accessToken(), files.files().size())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            errors.add("questions.error.private-rate");
        }
        if (!errors.isEmpty()) {
            if (response.getStatus() != HttpStatus.TOO_MANY_REQUESTS.value()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("question", question);
            model.addAttribute("thread", desk.publicThread(question));
            model.addAttribute("justSent", false);
            model.addAttribute("updated", false);
            model.addAttribute("errors", withFilesToChooseAgain(errors, uploads));
            model.addAttribute("suggestions", List.of());
            model.addAttribute("draft", text); // what they typed is kept, to send later or copy
            return "questions/status";
        }
        desk.addCitizenMessage(question, body, files.files(), null);
        return "redirect:/quesiti/stato/" + token + "?aggiornata#thread";
    }

    @PostMapping("/quesiti/stato/{token}/valutazione")
    String rate(@PathVariable String token, HttpServletRequest request, @RequestParam(defaultValue = "0") int rating,
            @RequestParam(defaultValue = "") String comment) {
        Question question = question(token, request);
        if (rating < 1 || rating > 5 || comment.length() > 2000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        desk.rate(question, rating, comment);
        return "redirect:/quesiti/stato/" + token + "?aggiornata";
    }

    @PostMapping("/quesiti/stato/{token}/chiudi")
    String close(@PathVariable String token, HttpServletRequest request) {
        desk.closeByResident(question(token, request));
        return "redirect:/quesiti/stato/" + token + "?aggiornata";
    }

    @GetMapping("/quesiti/stato/{token}/allegati/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String token, @PathVariable long id, HttpServletRequest request) {
        Question question = question(token, request);
        QuestionStore.AttachmentContent file = desk.attachment(question, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.of(file);
    }

    /**
     * The question behind a private link. Links are 128 random bits, so guessing is hopeless; a client
     * that tries many unknown ones is refused for a while all the same, even for a link that exists, so
     * that it learns nothing more.
     */
    private Question question(String token, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (linkGuesses.exhausted(client)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<Question> question = desk.byToken(token);
        if (question.isEmpty()) {
            if (QuestionDesk.wellFormedToken(token)) { // a malformed link cannot match, so it reveals nothing
                linkGuesses.take(client);
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return question.get();
    }
}
