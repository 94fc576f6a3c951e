package it.comune.immigrati.questions.internal.intake;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.faq.FaqRecords;
import it.comune.immigrati.questions.internal.faq.FaqRecords.ShownFaq;
import it.comune.immigrati.questions.internal.faq.Faqs;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Paged;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The desk's JSON API: the public FAQ, and asking a question (the same rules and limits as the web
 * form). Error messages come in the language of {@code ?lang=}.
 */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Question desk", description = "Public FAQ and submission of questions to the immigrant citizens' office")
class QuestionsApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Faqs faqs;
    private final Search search;
    private final QuestionIntake intake;
    private final MessageSource messages;
    private final ProofOfWork proofOfWork;

    QuestionsApiController(Faqs faqs, Search search, QuestionIntake intake, MessageSource messages,
            ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
        this.faqs = faqs;
        this.search = search;
        this.intake = intake;
        this.messages = messages;
    }

    /** One FAQ as the API gives it. {@code fallback} is true when it is in Italian for want of a translation. */
    public record FaqItem(String slug, String topic, String language, String question, String answerMarkdown,
            String url, boolean fallback) {
    }

    public record NewQuestion(String email, String name, String language, String topic, String text,
            Boolean privacyConsent, Boolean publishConsent, UUID submissionKey,
            @Schema(description = "The solved proof of work, as the web form posts it: base64 of the JSON "
                    + "{algorithm, challenge, number, salt, signature}, for a challenge from GET /api/v1/questions/challenge. "
                    + "Without it a client may ask only a few questions an hour.") String altcha) {
    }

    public record Received(String code, String statusUrl) {
    }

    @GetMapping("/faq")
    @Operation(summary = "Published FAQ in a language (Italian where untranslated), optionally searched",
            description = "Without q: one page of the list by topic, at most 100 a page; a Link header with "
                    + "rel=\"next\" gives the following page while there is one.")
    ResponseEntity<List<FaqItem>> faq(
            @Parameter(description = "language code, e.g. it, en, ar") @RequestParam(defaultValue = "it") String lang,
            @Parameter(description = "words to search for") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "FAQ a page, 1 to 100") @RequestParam(defaultValue = "100") int size) {
        Language language = Language.byCode(lang).orElse(Language.DEFAULT);
        if (q.isBlank()) {
            int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
            Paged<ShownFaq> shown = faqs.publishedPage(language, null, page, pageSize, true);
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
            if (shown.page() < shown.pages()) {
                answer.header(HttpHeaders.LINK, "</api/v1/faq?lang=" + language.code() + "&page=" + (shown.page() + 1)
                        + "&size=" + pageSize + ">; rel=\"next\"");
            }
            return answer.body(shown.items().stream().map(QuestionsApiController::item).toList());
        }
        return ResponseEntity.ok(search.search(q.length() > 200 ? q.substring(0, 200) : q, language,
                        List.of(Faqs.SEARCH_KIND), null, 30)
                .hits().stream().map(hit -> faqs.byId(Long.parseLong(hit.ref())))
                .flatMap(Optional::stream).map(f -> item(Faqs.shown(f, language))).toList());
    }

    @GetMapping("/faq/{slug}")
    @Operation(summary = "One published FAQ")
    ResponseEntity<FaqItem> faqBySlug(@PathVariable String slug, @RequestParam(defaultValue = "it") String lang) {
        Language language = Language.byCode(lang).orElse(Language.DEFAULT);
        return faqs.bySlug(slug).filter(FaqRecords.Faq::published).map(f -> Faqs.shown(f, language))
                .filter(s -> s.text() != null).map(s -> ResponseEntity.ok(item(s)))
                .orElse(ResponseEntity.notFound().build());
    }

    private static FaqItem item(ShownFaq shown) {
        return new FaqItem(shown.faq().slug(), shown.faq().topic(), shown.text().language().code(), shown.text().question(),
                shown.text().answer(), "/faq/" + shown.faq().slug(), shown.fallback());
    }

    /**
     * A proof-of-work challenge for {@code altcha}, the same the web form carries: the API keeps the form's
     * rule, so a client that does not solve one draws on the same small allowance as a form sent without
     * JavaScript.
     */
    @GetMapping("/questions/challenge")
    @Operation(summary = "A proof-of-work challenge (ALTCHA, SHA-256) to solve before asking a question",
            description = "Find the number n in [0, maxnumber] with SHA-256(salt + n) = challenge (hex), then send "
                    + "base64 of {\"algorithm\", \"challenge\", \"number\": n, \"salt\", \"signature\"} as `altcha` "
                    + "with POST /api/v1/questions. Each challenge is valid for an hour and once. Questions without a "
                    + "solution are limited to aci.questions.unverified-submissions-per-client-per-hour per client, "
                    + "shared with the web form.")
    ResponseEntity<String> challenge() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store").body(proofOfWork.challenge());
    }

    @PostMapping(value = "/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask a question. Stored before the answer comes back; a confirmation e-mail is queued.",
            description = "A repeated submissionKey from the same e-mail address returns the question it created; "
                    + "from another address it is refused with 409. With a solved challenge in `altcha` the normal "
                    + "hourly allowance applies; without one, the small allowance shared with the web form (429 when used up).")
    ResponseEntity<?> ask(@RequestBody NewQuestion body, HttpServletRequest request) {
        Language ui = Language.of(RequestContextUtils.getLocale(request));
        IntakeResult result = intake.accept(new Submission(Channel.API, body.submissionKey(), body.email(), body.name(),
                body.language(), body.topic(), body.text(), Boolean.TRUE.equals(body.privacyConsent()),
                Boolean.TRUE.equals(body.publishConsent()), List.of(), null, body.altcha(), null), request.getRemoteAddr());
        // Java 17: no switch over a sealed type yet, so one branch per result, the last one closing the set
        if (result instanceof IntakeResult.Accepted accepted) {
            return created(accepted.question(), accepted.privateLink());
        }
        if (result instanceof IntakeResult.Duplicate first) { // the same key from the same address: the same answer
            return created(first.question(), first.privateLink());
        }
        if (result instanceof IntakeResult.Refused refused) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, refused.errors(), ui);
        }
        if (result instanceof IntakeResult.Limited) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, List.of("questions.error.rate"), ui);
        }
        if (result instanceof IntakeResult.KeyTaken) {
            return problem(HttpStatus.CONFLICT, List.of("questions.error.key-taken"), ui);
        }
        IntakeResult.Unavailable.class.cast(result); // the last of the sealed set: a new kind of result fails here
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(IntakeResult.Unavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, List.of("error.503.text"), ui).getBody());
    }

    private static ResponseEntity<Received> created(Question question, String link) {
        return ResponseEntity.created(URI.create(link)).body(new Received(question.code(), link));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, List<String> keys, Language language) {
        return it.comune.immigrati.site.ApiProblem.of(messages, status, keys, language);
    }
}
