package it.comune.immigrati.questions.internal.privacy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.ClusterJobs;
import it.comune.immigrati.platform.PersonalData;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.questions.internal.QuestionRecords;
import it.comune.immigrati.questions.internal.QuestionRecords.Message;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionStore;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The residents' rights and the retention rule. Anonymising keeps what statistics need (topic,
 * language, dates, status) and removes who asked and what identifies them: address, name, files, the
 * private link, and personal data in the text.
 */
@Service
@Order(10)
class QuestionPrivacy implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(QuestionPrivacy.class);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final QuestionStore store;
    private final QuestionsProperties settings;
    private final TransactionTemplate transactions;

    QuestionPrivacy(JdbcClient jdbc, ClusterJobs jobs, QuestionStore store,
            QuestionsProperties settings, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
    }

    List<Question> questionsOf(String email) {
        return jdbc.sql("SELECT id FROM question WHERE lower(email) = lower(:e) ORDER BY created_at")
                .param("e", email).query(Long.class).list().stream().map(id -> store.byId(id).orElseThrow()).toList();
    }

    @Override
    public String section() {
        return "questions";
    }

    @Override
    public List<PersonalData.Held> held(String email) {
        List<Question> questions = questionsOf(email);
        return List.of(new PersonalData.Held("questions.privacy.held", questions.size(),
                questions.stream().map(q -> "/ufficio/quesiti/" + q.code()).toList()));
    }

    /** Every question of the address with its messages and files (GDPR art. 15 and 20). */
    @Override
    public List<Map<String, Object>> export(String email) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question question : questionsOf(email)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", question.code());
            entry.put("createdAt", question.createdAt().toString());
            entry.put("status", question.status().name());
            entry.put("topic", question.topic());
            entry.put("language", question.language());
            entry.put("name", question.name());
            entry.put("email", question.email());
            entry.put("publishConsent", question.publishConsent());
            entry.put("rating", question.rating());
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Message message : store.thread(question.id(), false)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("from", message.kind() == QuestionRecords.Kind.CITIZEN ? "resident" : "office");
                m.put("at", message.createdAt().toString());
                m.put("text", message.body());
                List<Map<String, Object>> files = new ArrayList<>();
                for (QuestionRecords.Attachment attachment : message.attachments()) {
                    var content = store.attachment(question.id(), attachment.id()).orElseThrow();
                    files.add(Map.of("name", content.fileName(), "type", content.contentType(),
                            "base64", Base64.getEncoder().encodeToString(content.content())));
                }
                m.put("files", files);
                messages.add(m);
            }
            entry.put("messages", messages);
            questions.add(entry);
        }
        return questions;
    }

    /** Erasure (GDPR art. 17): every question of the address anonymised and closed. */
    @Override
    public int erase(String email) {
        List<Question> questions = questionsOf(email);
        questions.forEach(q -> anonymise(q, true));
        return questions.size();
    }

    /** Every night: questions closed more than the retention period ago are anonymised. One node does it. */
    @Scheduled(cron = "${aci.questions.retention-cron:0 15 3 * * *}", zone = "Europe/Rome")
    void expire() {
        Integer done = transactions.execute(status -> {
            if (!jobs.exclusive("questions-retention")) {
                return 0;
            }
            List<Long> expired = jdbc.sql("""
                    SELECT id FROM question WHERE status = 'CLOSED' AND anonymised_at IS NULL
                      AND closed_at < now() - make_interval(months => :months)
                    ORDER BY closed_at LIMIT 5000
                    """).param("months", settings.retentionMonths()).query(Long.class).list();
            expired.forEach(id -> anonymise(store.byId(id).orElseThrow(), false));
            return expired.size();
        });
        if (done != null && done > 0) {
            log.info("Retention: {} questions closed more than {} months ago anonymised", done, settings.retentionMonths());
        }
    }

    /** What an erased person wrote: nothing of it is kept (income, family, health are in the free text). */
    static final String ERASED_TEXT = "[testo cancellato su richiesta dell'interessato]";

    /**
     * Retention keeps the exchange without what identifies the person (for the office's figures and
     * FAQ); erasure ({@code erased}) also drops the person's own words, since no pattern finds a stated
     * income or a family story. The office's answers are anonymised in both cases.
     */
    void anonymise(Question question, boolean erased) {
        for (Message message : store.thread(question.id(), true)) {
            String body = erased && message.kind() == it.comune.immigrati.questions.internal.QuestionRecords.Kind.CITIZEN
                    ? ERASED_TEXT : Anonymiser.anonymise(message.body(), question.name());
            // the word index is rebuilt from the anonymised text: left as it was, it would still hold the address
            jdbc.sql("""
                    UPDATE question_message SET body = :body, mail_message_id = NULL, updated_at = now(),
                           words = CASE WHEN kind = 'CITIZEN' THEN to_tsvector('simple', unaccent(:body)) END
                    WHERE id = :id""")
                    .param("body", body).param("id", message.id()).update();
        }
        jdbc.sql("DELETE FROM question_attachment WHERE message_id IN (SELECT id FROM question_message WHERE question_id = :q)")
                .param("q", question.id()).update();
        jdbc.sql("DELETE FROM question_view WHERE question_id = :q").param("q", question.id()).update();
        jdbc.sql("""
                UPDATE question SET email = 'anonimo-' || id || '@anonimo.invalid', name = NULL, rating_comment = NULL,
                       access_token = :token, submission_key = NULL, status = 'CLOSED',
                       closed_at = coalesce(closed_at, now()), anonymised_at = now(), updated_at = now()
                WHERE id = :q
                """).param("token", Secrets.linkToken())
                .param("q", question.id()).update();
    }
}
