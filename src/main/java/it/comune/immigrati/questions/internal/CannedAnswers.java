package it.comune.immigrati.questions.internal;

import java.util.List;
import java.util.Optional;

import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.questions.internal.QuestionRecords.CannedAnswer;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model answers per topic and language, kept by supervisors. In a model, {@code {{codice}}},
 * {@code {{nome}}}, {@code {{scadenza}}} and {@code {{link}}} become the question's code, the
 * resident's name, the answer deadline and the private link.
 */
@Service
class CannedAnswers {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CannedAnswers(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    List<CannedAnswer> all() {
        return jdbc.sql("SELECT id, topic, language, title, body FROM canned_answer ORDER BY language, topic NULLS FIRST, title")
                .query(CannedAnswer.class).list();
    }

    /** Those for the question's topic (or any topic), in its language first, then in Italian. */
    List<CannedAnswer> forQuestion(Question question) {
        return jdbc.sql("""
                SELECT id, topic, language, title, body FROM canned_answer
                WHERE (topic = :topic OR topic IS NULL) AND language IN (:language, 'it')
                ORDER BY (language = :language) DESC, (topic IS NULL), title
                """).param("topic", question.topic()).param("language", question.language())
                .query(CannedAnswer.class).list();
    }

    Optional<CannedAnswer> byId(long id) {
        return jdbc.sql("SELECT id, topic, language, title, body FROM canned_answer WHERE id = :id").param("id", id)
                .query(CannedAnswer.class).optional();
    }

    /** "Gentile {{nome}}," or "Buongiorno {{nome}}," at the start: the e-mail already greets the resident. */
    private static final java.util.regex.Pattern SALUTATION =
            java.util.regex.Pattern.compile("^\\s*[^,\\n]{0,40}\\{\\{nome}}\\s*[,!]?\\s*");

    static String fill(CannedAnswer answer, Question question, String privateLink, String due) {
        String body = SALUTATION.matcher(answer.body()).replaceFirst("");
        if (!body.isEmpty() && !body.equals(answer.body())) {
            body = body.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + body.substring(1);
        }
        return body.replace("{{codice}}", question.code())
                .replace("{{nome}}", question.name() == null ? "" : question.name())
                .replace("{{scadenza}}", due).replace("{{link}}", privateLink);
    }

    @Transactional
    long save(Long id, String topic, String language, String title, String body, String staff) {
        long saved;
        if (id == null) {
            saved = jdbc.sql("""
                    INSERT INTO canned_answer (topic, language, title, body, updated_by)
                    VALUES (:topic, :language, :title, :body, :staff) RETURNING id
                    """).param("topic", topic).param("language", language).param("title", title).param("body", body)
                    .param("staff", staff).query(Long.class).single();
        } else {
            jdbc.sql("""
                    UPDATE canned_answer SET topic = :topic, language = :language, title = :title, body = :body,
                           updated_by = :staff, updated_at = now() WHERE id = :id
                    """).param("topic", topic).param("language", language).param("title", title).param("body", body)
                    .param("staff", staff).param("id", id).update();
            saved = id;
        }
        events.publishEvent(new Audited(staff, "canned-answer.save", "canned_answer", String.valueOf(saved), title));
        return saved;
    }

    @Transactional
    void delete(long id, String staff) {
        jdbc.sql("DELETE FROM canned_answer WHERE id = :id").param("id", id).update();
        events.publishEvent(new Audited(staff, "canned-answer.delete", "canned_answer", String.valueOf(id), ""));
    }
}
