package it.comune.immigrati.questions.internal.faq;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.questions.internal.QuestionRecords.Kind;
import it.comune.immigrati.questions.internal.QuestionRecords.Message;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionStore;
import it.comune.immigrati.questions.internal.faq.FaqRecords.Faq;
import it.comune.immigrati.questions.internal.faq.FaqRecords.FaqText;
import it.comune.immigrati.questions.internal.faq.FaqRecords.ShownFaq;
import it.comune.immigrati.questions.internal.privacy.Anonymiser;
import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Paged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frequently asked questions. A draft comes from an answered question whose requester agreed to
 * publication, anonymised; editors review, translate and publish it; publishing puts every language in
 * the site search, withdrawing takes it out.
 */
@Service
public class Faqs {

    public static final String SEARCH_KIND = "faq";

    private final JdbcClient jdbc;
    private final QuestionStore questions;
    private final SearchIndex index;
    private final ApplicationEventPublisher events;

    Faqs(JdbcClient jdbc, QuestionStore questions, SearchIndex index, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.index = index;
        this.events = events;
    }

    /** Whether a question may become a FAQ: the requester agreed and the office has answered. */
    boolean canPublish(Question question, List<Message> thread) {
        return question.publishConsent() && thread.stream().anyMatch(m -> m.kind() == Kind.ANSWER);
    }

    @Transactional
    public long draftFrom(Question question, String staff) {
        List<Message> thread = questions.thread(question.id(), false);
        if (!canPublish(question, thread)) {
            throw new IllegalStateException("Question " + question.code() + " cannot be published");
        }
        String asked = thread.stream().filter(m -> m.kind() == Kind.CITIZEN).findFirst().map(Message::body).orElse("");
        String answered = thread.stream().filter(m -> m.kind() == Kind.ANSWER).reduce((a, b) -> b).map(Message::body)
                .orElseThrow();
        long id = jdbc.sql("""
                INSERT INTO faq (slug, topic, source_question_id, created_by)
                VALUES ('bozza-' || replace(gen_random_uuid()::text, '-', ''), :topic, :question, :staff) RETURNING id
                """).param("topic", question.topic()).param("question", question.id()).param("staff", staff)
                .query(Long.class).single();
        String cleanQuestion = Anonymiser.anonymise(asked, question.name());
        jdbc.sql("UPDATE faq SET slug = :slug WHERE id = :id").param("slug", Anonymiser.slugFrom(cleanQuestion, id))
                .param("id", id).update();
        saveText(id, Language.byCode(question.language()).orElse(Language.DEFAULT), cleanQuestion,
                Anonymiser.anonymise(answered, question.name()), staff);
        events.publishEvent(new Audited(staff, "faq.draft", "faq", String.valueOf(id), "← " + question.code()));
        return id;
    }

    /** A text saved by someone of the office: reviewed. */
    @Transactional
    public void saveText(long id, Language language, String question, String answer, String staff) {
        saveText(id, language, question, answer, staff, false);
    }

    /** @param unreviewed prepared without review (demo data, an import): residents are told so */
    @Transactional
    public void saveText(long id, Language language, String question, String answer, String staff, boolean unreviewed) {
        jdbc.sql("""
                INSERT INTO faq_text (faq_id, language, question, answer, updated_by, unreviewed)
                VALUES (:id, :language, :question, :answer, :staff, :unreviewed)
                ON CONFLICT (faq_id, language) DO UPDATE SET question = EXCLUDED.question, answer = EXCLUDED.answer,
                    updated_by = EXCLUDED.updated_by, unreviewed = EXCLUDED.unreviewed, updated_at = now()
                """).param("id", id).param("language", language.code()).param("question", question)
                .param("answer", answer).param("staff", staff).param("unreviewed", unreviewed).update();
        jdbc.sql("UPDATE faq SET updated_at = now() WHERE id = :id").param("id", id).update();
        byId(id).filter(Faq::published).ifPresent(this::indexAll);
    }

    @Transactional
    public void update(long id, String slug, String topic, String staff) {
        jdbc.sql("UPDATE faq SET slug = :slug, topic = :topic, updated_at = now() WHERE id = :id")
                .param("slug", slug).param("topic", topic).param("id", id).update();
        byId(id).filter(Faq::published).ifPresent(faq -> {
            index.remove(SEARCH_KIND, String.valueOf(id));
            indexAll(faq);
        });
        events.publishEvent(new Audited(staff, "faq.update", "faq", String.valueOf(id), slug));
    }

    @Transactional
    public void publish(long id, String staff) {
        jdbc.sql("UPDATE faq SET status = 'PUBLISHED', published_at = now(), updated_at = now() WHERE id = :id")
                .param("id", id).update();
        indexAll(byId(id).orElseThrow());
        events.publishEvent(new Audited(staff, "faq.publish", "faq", String.valueOf(id), ""));
    }

    @Transactional
    void withdraw(long id, String staff) {
        jdbc.sql("UPDATE faq SET status = 'WITHDRAWN', updated_at = now() WHERE id = :id").param("id", id).update();
        index.remove(SEARCH_KIND, String.valueOf(id));
        events.publishEvent(new Audited(staff, "faq.withdraw", "faq", String.valueOf(id), ""));
    }

    private void indexAll(Faq faq) {
        for (FaqText text : faq.texts()) {
            index.put(new SearchIndex.Document(SEARCH_KIND, String.valueOf(faq.id()), text.language(), text.question(),
                    "", it.comune.immigrati.site.Markdown.toPlainText(text.answer()), "/faq/" + faq.slug(), faq.topic(),
                    faq.publishedAt()));
        }
    }

    public Optional<Faq> byId(long id) {
        return load("WHERE f.id = :key", id).stream().findFirst();
    }

    public Optional<Faq> bySlug(String slug) {
        return load("WHERE f.slug = :key", slug).stream().findFirst();
    }

    /** Every FAQ with its questions in every language, for the editors' list (the answers are not loaded). */
    List<Faq> all() {
        return load("WHERE :key IS NOT NULL", "all", false);
    }

    /**
     * One page of the published FAQ in the visitor's language, Italian where there is no translation, by
     * topic and then question; {@code topic} null for every topic. Only the page is loaded: with the whole
     * list loaded to show forty of it, 64 first visitors at once ran a 512 MB node out of memory (bench/run,
     * 10,000 FAQ in eleven languages).
     */
    public Paged<ShownFaq> publishedPage(Language language, String topic, int requested, int size, boolean withAnswers) {
        String from = """
                FROM faq f
                LEFT JOIN faq_text t ON t.faq_id = f.id AND t.language = :language
                LEFT JOIN faq_text i ON i.faq_id = f.id AND i.language = :italian
                WHERE f.status = 'PUBLISHED' AND (CAST(:topic AS text) IS NULL OR f.topic = :topic)
                  AND COALESCE(t.question, i.question) IS NOT NULL
                """;
        int total = jdbc.sql("SELECT count(*) " + from).param("language", language.code())
                .param("italian", Language.DEFAULT.code()).param("topic", topic).query(Integer.class).single();
        return Paged.read(total, requested, size, (offset, limit) -> {
            // code-point order, the same on every database whatever its collation
            List<Long> ids = jdbc.sql("SELECT f.id " + from
                            + " ORDER BY f.topic COLLATE \"C\", COALESCE(t.question, i.question) COLLATE \"C\", f.id"
                            + " LIMIT :limit OFFSET :offset")
                    .param("language", language.code()).param("italian", Language.DEFAULT.code()).param("topic", topic)
                    .param("limit", limit).param("offset", offset).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<Long, Faq> loaded = new HashMap<>();
            load("WHERE f.id = ANY(:key)", ids.toArray(Long[]::new), withAnswers).forEach(f -> loaded.put(f.id(), f));
            // a FAQ or a text deleted between the two reads is left out
            return ids.stream().map(loaded::get).filter(Objects::nonNull).map(f -> shown(f, language))
                    .filter(s -> s.text() != null).toList();
        });
    }

    public static ShownFaq shown(Faq faq, Language language) {
        FaqText text = faq.text(language);
        if (text != null) {
            return new ShownFaq(faq, text, false);
        }
        return new ShownFaq(faq, faq.text(Language.DEFAULT), language != Language.DEFAULT);
    }

    private List<Faq> load(String where, Object key) {
        return load(where, key, true);
    }

    private List<Faq> load(String where, Object key, boolean withAnswers) {
        record Row(long id, String slug, String topic, String status, String code, Instant publishedAt, Instant updatedAt) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT f.id, f.slug, f.topic, f.status, q.code, f.published_at, f.updated_at
                FROM faq f LEFT JOIN question q ON q.id = f.source_question_id
                """ + where + " ORDER BY f.updated_at DESC")
                .param("key", key)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<FaqText>> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT faq_id, language, question, " + (withAnswers ? "answer" : "''") + ", updated_at, unreviewed"
                + " FROM faq_text WHERE faq_id = ANY(:ids) ORDER BY language")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Language language = Language.byCode(rs.getString(2)).orElse(Language.DEFAULT);
                    String answer = rs.getString(4);
                    texts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FaqText(language,
                            rs.getString(3), answer, instant(rs.getTimestamp(5)), rs.getBoolean(6)));
                });
        return rows.stream().map(r -> new Faq(r.id(), r.slug(), r.topic(), r.status(), r.code(), r.publishedAt(),
                r.updatedAt(), texts.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
