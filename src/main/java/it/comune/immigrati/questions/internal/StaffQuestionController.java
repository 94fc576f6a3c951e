package it.comune.immigrati.questions.internal;

import it.comune.immigrati.platform.Topics;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.questions.internal.QuestionRecords.InboxRow;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionRecords.Status;
import it.comune.immigrati.questions.internal.intake.Attachments;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators and mediators: the inbox, a question's page, assignment, notes and answers. */
@Controller
@RequestMapping("/ufficio/quesiti")
class StaffQuestionController {

    private static final int PAGE = 50;

    private final QuestionDesk desk;
    private final Inbox inbox;
    private final SimilarAnswers similar;
    private final QuestionsProperties settings;
    private final java.util.List<String> topics;
    private final StaffDirectory staff;
    private final MailOutbox outbox;
    private final Attachments attachments;
    private final CannedAnswers canned;
    private final it.comune.immigrati.search.Search search;
    private final it.comune.immigrati.site.UiFactory ui;
    private final NeedToKnow needToKnow;

    StaffQuestionController(QuestionDesk desk, Inbox inbox, SimilarAnswers similar, QuestionsProperties settings, StaffDirectory staff,
            MailOutbox outbox, Attachments attachments, CannedAnswers canned, it.comune.immigrati.search.Search search,
            it.comune.immigrati.site.UiFactory ui, NeedToKnow needToKnow, Topics topicCodes) {
        this.needToKnow = needToKnow;
        this.topics = topicCodes.codes();
        this.canned = canned;
        this.search = search;
        this.ui = ui;
        this.desk = desk;
        this.inbox = inbox;
        this.similar = similar;
        this.settings = settings;
        this.staff = staff;
        this.outbox = outbox;
        this.attachments = attachments;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "open") String view, @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Instant before, @RequestParam(required = false) Long beforeId,
            Principal user, Model model) {
        InboxView chosen = InboxView.of(view);
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        NeedToKnow.Scope scope = needToKnow.of(user.getName());
        List<InboxRow> rows = inbox.page(new Inbox.Query(chosen,
                topics.contains(topic) ? topic : "", Language.byCode(language).isPresent() ? language : "",
                text, user.getName(), before, beforeId, PAGE + 1, scope));
        boolean more = rows.size() > PAGE;
        model.addAttribute("rows", more ? rows.subList(0, PAGE) : rows);
        model.addAttribute("next", more ? rows.get(PAGE - 1) : null);
        model.addAttribute("counts", inbox.counts(user.getName(), scope));
        model.addAttribute("view", chosen.param());
        model.addAttribute("topic", topic);
        model.addAttribute("language", language);
        model.addAttribute("q", text);
        model.addAttribute("topics", topics);
        return "questions/inbox";
    }

    /** A question's page; {@code modello} starts the answer from a model answer (works without JavaScript). */
    @GetMapping("/{code}")
    String question(@PathVariable String code, @RequestParam(required = false) Long modello, Principal user,
            Model model, jakarta.servlet.http.HttpServletRequest request) {
        Question question = desk.open(code, user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String draft = modello == null ? "" : canned.byId(modello)
                .map(c -> CannedAnswers.fill(c, question, desk.privateLink(question),
                        ui.ui(request).dateTime(question.dueAt())))
                .orElse("");
        return questionView(question, user.getName(), List.of(), draft, model);
    }

    private String questionView(Question question, String username, List<String> errors, String draft, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("thread", desk.staffThread(question));
        model.addAttribute("others", desk.othersFrom(question, username));
        model.addAttribute("viewing", desk.colleaguesViewing(question, username));
        model.addAttribute("deliveries", outbox.deliveries("question", question.code()));
        model.addAttribute("colleagues", staff.activeMembers());
        model.addAttribute("suggested", suggestedAssignees(question));
        model.addAttribute("errors", errors);
        model.addAttribute("draft", draft);
        model.addAttribute("statuses", List.of(Status.values()));
        model.addAttribute("canned", canned.forQuestion(question));
        List<QuestionRecords.Message> citizen = desk.staffThread(question).stream()
                .filter(m -> m.kind() == QuestionRecords.Kind.CITIZEN).toList();
        String asked = citizen.isEmpty() ? "" : citizen.get(0).body();
        model.addAttribute("similar", similar.to(question.id(), asked, 5, needToKnow.of(username)));
        model.addAttribute("relatedFaq", search.search(asked.length() > 300 ? asked.substring(0, 300) : asked,
                Language.byCode(question.language()).orElse(Language.DEFAULT), List.of(), null, 5).hits());
        return "questions/question";
    }

    /** Colleagues who answer questions and speak the resident's language, mediators first. */
    private List<StaffDirectory.StaffMember> suggestedAssignees(Question question) {
        return staff.activeMembers().stream()
                .filter(m -> m.roles().stream().anyMatch(r -> r.name().equals("OPERATOR") || r.name().equals("MEDIATOR")))
                .filter(m -> m.speaks(question.language()))
                .sorted((a, b) -> Boolean.compare(b.roles().toString().contains("MEDIATOR"),
                        a.roles().toString().contains("MEDIATOR")))
                .limit(3).toList();
    }

    @PostMapping("/{code}/assegna")
    String assign(@PathVariable String code, @RequestParam(defaultValue = "") String assignee, Principal user,
            RedirectAttributes redirect) {
        Question question = existing(code, user);
        String target = assignee.isBlank() ? null : assignee;
        if (target != null && staff.member(target).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        desk.assign(question, target, user.getName());
        redirect.addFlashAttribute("done", "questions.staff.assigned");
        return "redirect:/ufficio/quesiti/" + code;
    }

    @PostMapping("/{code}/risposta")
    String answer(@PathVariable String code, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean askForMore,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads, Principal user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Question question = existing(code, user);
        List<String> errors = new ArrayList<>();
        String body = text.strip();
        if (body.length() < 2 || body.length() > 20000) {
            errors.add("questions.staff.error.answer");
        }
        Attachments.Checked files = attachments.check(uploads == null ? List.of() : uploads);
        errors.addAll(files.errors());
        if (question.closed()) {
            errors.add("questions.staff.error.closed");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return questionView(question, user.getName(), errors, body, model);
        }
        desk.answer(question, body, files.files(), askForMore, user.getName());
        redirect.addFlashAttribute("done", "questions.staff.answered");
        return "redirect:/ufficio/quesiti/" + code;
    }

    /** Shows the answer as the resident will receive it; nothing is stored or sent. */
    @PostMapping("/{code}/anteprima")
    String preview(@PathVariable String code, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean askForMore, Principal user, Model model) {
        Question question = existing(code, user);
        model.addAttribute("preview", desk.previewAnswer(question, text.strip(), askForMore));
        model.addAttribute("askForMore", askForMore);
        return questionView(question, user.getName(), List.of(), text.strip(), model);
    }

    @PostMapping("/{code}/nota")
    String note(@PathVariable String code, @RequestParam(defaultValue = "") String text, Principal user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Question question = existing(code, user);
        if (text.isBlank() || text.length() > 20000) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return questionView(question, user.getName(), List.of("questions.staff.error.note"), "", model);
        }
        desk.note(question, text.strip(), user.getName());
        redirect.addFlashAttribute("done", "questions.staff.noted");
        return "redirect:/ufficio/quesiti/" + code;
    }

    @PostMapping("/{code}/stato")
    String status(@PathVariable String code, @RequestParam String status, Principal user, RedirectAttributes redirect) {
        Question question = existing(code, user);
        Status target;
        try {
            target = Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        desk.setStatus(question, target, user.getName());
        redirect.addFlashAttribute("done", "questions.staff.status-changed");
        return "redirect:/ufficio/quesiti/" + code;
    }

    @PostMapping("/{code}/protezione")
    String protection(@PathVariable String code, @RequestParam(defaultValue = "false") boolean on, Principal user,
            RedirectAttributes redirect) {
        desk.setProtection(existing(code, user), on, user.getName());
        redirect.addFlashAttribute("done", on ? "questions.staff.escalated" : "questions.staff.de-escalated");
        return "redirect:/ufficio/quesiti/" + code;
    }

    @PostMapping("/{code}/spam")
    String spam(@PathVariable String code, Principal user, RedirectAttributes redirect) {
        desk.markSpam(existing(code, user), user.getName());
        redirect.addFlashAttribute("done", "questions.staff.spammed");
        return "redirect:/ufficio/quesiti";
    }

    @PostMapping("/{code}/unisci")
    String merge(@PathVariable String code, @RequestParam(defaultValue = "") String into, Principal user,
            RedirectAttributes redirect) {
        Question duplicate = existing(code, user);
        var target = QuestionCode.parse(into).flatMap(c -> desk.visible(c.toString(), user.getName()));
        if (target.isEmpty() || target.get().id() == duplicate.id() || target.get().closed()) {
            redirect.addFlashAttribute("problem", "questions.staff.error.merge");
            return "redirect:/ufficio/quesiti/" + code;
        }
        desk.merge(duplicate, target.get(), user.getName());
        redirect.addFlashAttribute("done", "questions.staff.merged");
        return "redirect:/ufficio/quesiti/" + target.get().code();
    }

    @GetMapping("/{code}/allegati/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id, Principal user) {
        Question question = existing(code, user);
        return Downloads.of(desk.staffAttachment(question, id, user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** A question the member may see, or 404: one they may not see is not there for them (not even 403). */
    private Question existing(String code, Principal user) {
        return desk.visible(code, user.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
