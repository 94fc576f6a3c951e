package it.comune.immigrati.site;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal of the JSON API as RFC 9457 problem details, with the reasons as messages in the client's
 * language: the same shape for every module's API.
 */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static ResponseEntity<ProblemDetail> of(MessageSource messages, HttpStatus status, List<String> keys,
            Language language) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("form.errors.title", null, language.locale()));
        problem.setProperty("errors", keys.stream().map(k -> messages.getMessage(k, null, language.locale())).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
