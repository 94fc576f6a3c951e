package it.comune.immigrati.site.internal;

import java.util.Set;

import it.comune.immigrati.platform.ServiceUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every error a visitor can meet, as a friendly page in their language (or a problem+json for API
 * clients). Nothing about the cause is shown: the log has it. A failure because PostgreSQL cannot be
 * reached is not the visitor's problem nor a bug: it reads as 503 with a Retry-After.
 */
@Controller
class SiteErrorController implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SiteErrorController.class);

    /** Statuses with their own wording; any other 4xx reads as 400, any 5xx as 500. */
    /** What a visitor is told to wait while PostgreSQL is away (a restart or a failover takes about this). */
    private static final String RETRY_AFTER_SECONDS = "30";

    private static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 413, 415, 429, 500, 503);

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        response.setStatus(status);
        if (status == 503) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        model.addAttribute("status", worded(status));
        return "site/error";
    }

    @RequestMapping("/error")
    @ResponseBody
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    private static int status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && ServiceUnavailable.causes(failure)) {
            // some of these (a full disk while receiving an upload) are logged nowhere else
            log.warn("{} answered 503: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), rootMessage(failure));
            return 503;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400 && status <= 599) {
            return status;
        }
        return 500;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static int worded(int status) {
        if (WORDED.contains(status)) {
            return status;
        }
        return status >= 500 ? 500 : 400;
    }
}
