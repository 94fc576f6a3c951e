package it.comune.immigrati.guides.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import it.comune.immigrati.guides.internal.GuideRecords.Card;
import it.comune.immigrati.guides.internal.GuideRecords.Coverage;
import it.comune.immigrati.guides.internal.GuideRecords.CoverageRow;
import it.comune.immigrati.guides.internal.GuideRecords.FeedbackSummary;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Shown;
import it.comune.immigrati.guides.internal.GuideRecords.Source;
import it.comune.immigrati.guides.internal.GuideRecords.State;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;
import it.comune.immigrati.site.Ui;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guides and their editorial workflow. Each language of a guide moves draft → in review →
 * published on its own; every save is a new numbered version; approval is by a supervisor or an editor
 * other than the author (unless the office turns that off); publishing puts that language in the site
 * search and publishing the Italian text records the guide as reviewed today.
 */
@Service
class Guides {

    static final String SEARCH_KIND = "guide";
    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final Search search;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final GuidesProperties settings;
    private final PublicContent content;

    Guides(JdbcClient jdbc, SearchIndex index, Search search, ApplicationEventPublisher events, JsonMapper json,
            GuidesProperties settings, PublicContent content) {
        this.content = content;
        this.jdbc = jdbc;
        this.index = index;
        this.search = search;
        this.events = events;
        this.json = json;
        this.settings = settings;
    }

    /** A workflow step that the guide's state or the staff member's part does not allow. */
    static final class WorkflowException extends RuntimeException {
        private final String messageKey;

        WorkflowException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    // --- reading

    Optional<Guide> byId(long id) {
        return jdbc.sql("SELECT * FROM guide WHERE id = :id").param("id", id).query(Guides::guideRow).optional();
    }

    Optional<Guide> bySlug(String slug) {
        return jdbc.sql("SELECT * FROM guide WHERE slug = :slug").param("slug", slug).query(Guides::guideRow).optional();
    }

    Optional<Translation> translation(long guideId, Language language) {
        return jdbc.sql("SELECT * FROM guide_translation WHERE guide_id = :guide AND language = :language")
                .param("guide", guideId).param("language", language.code()).query(Guides::translationRow).optional();
    }

    List<Translation> translations(long guideId) {
        return jdbc.sql("SELECT * FROM guide_translation WHERE guide_id = :guide ORDER BY language")
                .param("guide", guideId).query(Guides::translationRow).list();
    }

    Optional<Version> version(long id) {
        return jdbc.sql("SELECT * FROM guide_version WHERE id = :id").param("id", id).query(this::versionRow).optional();
    }

    Optional<Version> version(long guideId, Language language, int number) {
        return jdbc.sql("SELECT * FROM guide_version WHERE guide_id = :guide AND language = :language AND number = :number")
                .param("guide", guideId).param("language", language.code()).param("number", number)
                .query(this::versionRow).optional();
    }

    /** Newest first. */
    List<Version> versions(long guideId, Language language) {
        return jdbc.sql("SELECT * FROM guide_version WHERE guide_id = :guide AND language = :language ORDER BY number DESC")
                .param("guide", guideId).param("language", language.code()).query(this::versionRow).list();
    }

    /** Published guides for the public list, each in {@code language} or else in Italian, by title. */
    List<Card> published(Language language) {
        return jdbc.sql("""
                SELECT DISTINCT ON (g.id) g.slug, g.topic, g.situations, v.language, v.title, v.summary
                FROM guide g
                JOIN guide_translation t ON t.guide_id = g.id AND t.published_version_id IS NOT NULL
                                         AND t.language IN (:language, 'it')
                JOIN guide_version v ON v.id = t.published_version_id
                ORDER BY g.id, (t.language = :language) DESC
                """).param("language", language.code())
                .query((rs, n) -> new Card(rs.getString("slug"), rs.getString("topic"), strings(rs.getArray("situations")),
                        Language.byCode(rs.getString("language")).orElse(Language.DEFAULT), rs.getString("title"),
                        rs.getString("summary")))
                .list().stream().sorted((a, b) -> a.title().compareToIgnoreCase(b.title())).toList();
    }

    /** The public page of a guide in {@code language}, or in Italian when it has no published translation. */
    Optional<Shown> shown(String slug, Language language) {
        Optional<Guide> found = bySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Guide guide = found.get();
        Optional<Translation> chosen = translation(guide.id(), language).filter(Translation::live);
        boolean fallback = chosen.isEmpty() && language != Language.DEFAULT;
        if (chosen.isEmpty()) {
            chosen = translation(guide.id(), Language.DEFAULT).filter(Translation::live);
        }
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Translation translation = chosen.get();
        Version version = version(translation.publishedVersionId()).orElseThrow();
        List<Card> related = guide.related().isEmpty() ? List.of()
                : published(language).stream().filter(c -> guide.related().contains(c.slug())).toList();
        List<Search.Hit> faq = search.newest("faq", guide.topic(), language, 4);
        return Optional.of(new Shown(guide, version, Markdown.withSections(version.text().body()), fallback,
                translation.publishedAt(), related, faq));
    }

    /** Every guide × language, with stale translations marked. */
    List<CoverageRow> coverage() {
        Map<Long, Guide> guides = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM guide ORDER BY slug").query(Guides::guideRow).list().forEach(g -> guides.put(g.id(), g));
        Map<Long, Map<Language, Coverage>> cells = new LinkedHashMap<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.guide_id, t.language, t.state, t.published_version_id, w.title,
                       -- stale: the translation was made from an Italian version that is no longer the published one
                       (t.language <> 'it' AND it.published_version_id IS NOT NULL
                        AND w.based_on IS DISTINCT FROM it.published_version_id) AS stale
                FROM guide_translation t
                JOIN guide_version w ON w.id = coalesce(t.published_version_id, t.working_version_id)
                LEFT JOIN guide_translation it ON it.guide_id = t.guide_id AND it.language = 'it'
                """).query(rs -> {
                    long guide = rs.getLong("guide_id");
                    Language language = Language.byCode(rs.getString("language")).orElse(null);
                    if (language == null) {
                        return;
                    }
                    cells.computeIfAbsent(guide, k -> new EnumMap<>(Language.class)).put(language,
                            new Coverage(State.valueOf(rs.getString("state")), rs.getObject("published_version_id") != null,
                                    rs.getBoolean("stale")));
                    if (language == Language.DEFAULT || !titles.containsKey(guide)) {
                        titles.put(guide, rs.getString("title"));
                    }
                });
        return guides.values().stream().map(g -> new CoverageRow(g, titles.getOrDefault(g.id(), g.slug()),
                cells.getOrDefault(g.id(), Map.of()))).toList();
    }

    /** Guides whose review date is before {@code day}. */
    List<Guide> dueForReview(LocalDate day) {
        return jdbc.sql("SELECT * FROM guide WHERE review_by < :day ORDER BY review_by, slug").param("day", day)
                .query(Guides::guideRow).list();
    }

    /** The Italian title of a guide (its slug when it has none yet). */
    String title(Guide guide) {
        return translation(guide.id(), Language.DEFAULT).flatMap(t -> version(t.workingVersionId()))
                .map(v -> v.text().title()).orElse(guide.slug());
    }

    // --- writing

    @Transactional
    long create(String slug, String topic, List<String> situations, LocalDate reviewBy, String staff) {
        long id = jdbc.sql("""
                INSERT INTO guide (slug, topic, situations, review_by, created_by)
                VALUES (:slug, :topic, :situations, :reviewBy, :staff) RETURNING id
                """).param("slug", slug).param("topic", topic).param("situations", situations.toArray(String[]::new))
                .param("reviewBy", reviewBy).param("staff", staff).query(Long.class).single();
        events.publishEvent(new Audited(staff, "guide.create", "guide", slug, ""));
        return id;
    }

    @Transactional
    void updateDetails(long id, String topic, List<String> situations, List<String> related, LocalDate reviewBy,
            String staff) {
        jdbc.sql("""
                UPDATE guide SET topic = :topic, situations = :situations, related = :related, review_by = :reviewBy,
                                 updated_at = now()
                WHERE id = :id
                """).param("topic", topic).param("situations", situations.toArray(String[]::new))
                .param("related", related.toArray(String[]::new)).param("reviewBy", reviewBy).param("id", id).update();
        Guide guide = byId(id).orElseThrow();
        // the topic is part of every published language's search document
        for (Translation translation : translations(id)) {
            if (translation.live()) {
                reindex(guide, translation);
            }
        }
        events.publishEvent(new Audited(staff, "guide.details", "guide", guide.slug(), ""));
    }

    /** Saves a new version; the language goes (back) to draft, while the public keeps the published one. */
    @Transactional
    Version save(long guideId, Language language, Text text, String author, String note) {
        Guide guide = byId(guideId).orElseThrow();
        Long basedOn = language == Language.DEFAULT ? null
                : translation(guideId, Language.DEFAULT)
                        .map(t -> t.publishedVersionId() != null ? t.publishedVersionId() : t.workingVersionId()).orElse(null);
        long versionId = jdbc.sql("""
                INSERT INTO guide_version (guide_id, language, number, title, summary, body, sources, author, note, based_on)
                VALUES (:guide, :language,
                        (SELECT coalesce(max(number), 0) + 1 FROM guide_version WHERE guide_id = :guide AND language = :language),
                        :title, :summary, :body, CAST(:sources AS jsonb), :author, :note, :basedOn)
                RETURNING id
                """).param("guide", guideId).param("language", language.code()).param("title", text.title())
                .param("summary", text.summary()).param("body", text.body())
                .param("sources", json.writeValueAsString(text.sources())).param("author", author).param("note", note)
                .param("basedOn", basedOn).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO guide_translation (guide_id, language, state, working_version_id)
                VALUES (:guide, :language, 'DRAFT', :version)
                ON CONFLICT (guide_id, language) DO UPDATE SET state = 'DRAFT', working_version_id = :version,
                    submitted_by = NULL, updated_at = now()
                """).param("guide", guideId).param("language", language.code()).param("version", versionId).update();
        Version version = version(versionId).orElseThrow();
        events.publishEvent(new Audited(author, "guide.save", "guide", guide.slug(),
                language.code() + " v" + version.number()));
        return version;
    }

    /** A copy of an old version becomes the new draft; it is published through review like any other. */
    @Transactional
    Version restore(long guideId, Language language, int number, String staff) {
        Version old = version(guideId, language, number).orElseThrow(() -> new WorkflowException("guides.error.version"));
        return save(guideId, language, old.text(), staff, "restore:" + number);
    }

    @Transactional
    void submit(long guideId, Language language, String staff) {
        Translation translation = translation(guideId, language).orElseThrow(() -> new WorkflowException("guides.error.state"));
        if (translation.state() != State.DRAFT || !translation.pendingChanges()) {
            throw new WorkflowException("guides.error.state");
        }
        setState(guideId, language, State.IN_REVIEW, "submitted_by = :staff", staff);
        audit(staff, "guide.submit", guideId, language);
    }

    /** Sends a text in review back to draft, for its author to rework. */
    @Transactional
    void sendBack(long guideId, Language language, String staff) {
        Translation translation = translation(guideId, language).orElseThrow(() -> new WorkflowException("guides.error.state"));
        if (translation.state() != State.IN_REVIEW) {
            throw new WorkflowException("guides.error.state");
        }
        setState(guideId, language, State.DRAFT, "submitted_by = NULL", null);
        audit(staff, "guide.send-back", guideId, language);
    }

    /** Approves the text in review and publishes it. */
    @Transactional
    void approve(long guideId, Language language, String staff) {
        Translation translation = translation(guideId, language).orElseThrow(() -> new WorkflowException("guides.error.state"));
        if (translation.state() != State.IN_REVIEW) {
            throw new WorkflowException("guides.error.state");
        }
        Version working = version(translation.workingVersionId()).orElseThrow();
        if (settings.fourEyes() && (working.author().equals(staff) || staff.equals(translation.submittedBy()))) {
            throw new WorkflowException("guides.error.four-eyes");
        }
        publish(guideId, language, staff);
        audit(staff, "guide.approve", guideId, language);
    }

    /** Publishes the working version without review: content imported by an administrator. */
    @Transactional
    void publishImported(long guideId, Language language, String staff) {
        publish(guideId, language, staff);
        audit(staff, "guide.publish-import", guideId, language);
    }

    /** Takes one language off the public site; its texts stay as drafts. */
    @Transactional
    void withdraw(long guideId, Language language, String staff) {
        Guide guide = byId(guideId).orElseThrow();
        jdbc.sql("""
                UPDATE guide_translation SET published_version_id = NULL, published_at = NULL, state = 'DRAFT',
                       submitted_by = NULL, updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("guide", guideId).param("language", language.code()).update();
        index.remove(SEARCH_KIND, guide.slug(), language);
        audit(staff, "guide.withdraw", guideId, language);
    }

    /** An editor checked the guide and it is still right: the review date moves on. */
    @Transactional
    void markReviewed(long guideId, String staff) {
        LocalDate today = LocalDate.now(Ui.ROME);
        jdbc.sql("UPDATE guide SET last_reviewed = :today, review_by = :next, updated_at = now() WHERE id = :id")
                .param("today", today).param("next", today.plus(settings.reviewInterval())).param("id", guideId).update();
        content.changed(); // the page shows when it was last reviewed
        events.publishEvent(new Audited(staff, "guide.reviewed", "guide", byId(guideId).orElseThrow().slug(), ""));
    }

    @Transactional
    void recordFeedback(long guideId, Language language, int rating, List<String> reasons) {
        jdbc.sql("INSERT INTO guide_feedback (guide_id, language, rating, reasons) VALUES (:guide, :language, :rating, :reasons)")
                .param("guide", guideId).param("language", language.code()).param("rating", rating)
                .param("reasons", reasons.toArray(String[]::new)).update();
    }

    FeedbackSummary feedback(long guideId) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT reason, count(*) AS answers FROM guide_feedback, unnest(reasons) AS reason
                WHERE guide_id = :guide GROUP BY reason ORDER BY answers DESC, reason
                """).param("guide", guideId).query(rs -> {
                    reasons.put(rs.getString("reason"), rs.getInt("answers"));
                });
        return jdbc.sql("SELECT count(*) AS answers, coalesce(avg(rating), 0) AS average FROM guide_feedback WHERE guide_id = :guide")
                .param("guide", guideId)
                .query((rs, n) -> new FeedbackSummary(rs.getInt("answers"), rs.getDouble("average"), reasons)).single();
    }

    private void publish(long guideId, Language language, String staff) {
        jdbc.sql("""
                UPDATE guide_translation SET published_version_id = working_version_id, state = 'PUBLISHED',
                       approved_by = :staff, published_at = now(), updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("staff", staff).param("guide", guideId).param("language", language.code()).update();
        if (language == Language.DEFAULT) {
            LocalDate today = LocalDate.now(Ui.ROME);
            jdbc.sql("""
                    UPDATE guide SET last_reviewed = :today,
                           review_by = coalesce(review_by, :next), updated_at = now()
                    WHERE id = :id
                    """).param("today", today).param("next", today.plus(settings.reviewInterval())).param("id", guideId)
                    .update();
        }
        reindex(byId(guideId).orElseThrow(), translation(guideId, language).orElseThrow());
    }

    private void reindex(Guide guide, Translation translation) {
        Version version = version(translation.publishedVersionId()).orElseThrow();
        index.put(new SearchIndex.Document(SEARCH_KIND, guide.slug(), translation.language(), version.text().title(),
                version.text().summary(), Markdown.toPlainText(version.text().body()), "/guide/" + guide.slug(),
                guide.topic(), translation.publishedAt()));
    }

    private void setState(long guideId, Language language, State state, String extra, String staff) {
        var statement = jdbc.sql("UPDATE guide_translation SET state = :state, " + extra
                + ", updated_at = now() WHERE guide_id = :guide AND language = :language")
                .param("state", state.name()).param("guide", guideId).param("language", language.code());
        if (staff != null) {
            statement = statement.param("staff", staff);
        }
        statement.update();
    }

    private void audit(String staff, String action, long guideId, Language language) {
        events.publishEvent(new Audited(staff, action, "guide", byId(guideId).orElseThrow().slug(), language.code()));
    }

    // --- rows

    private static Guide guideRow(ResultSet rs, int n) throws SQLException {
        return new Guide(rs.getLong("id"), rs.getString("slug"), rs.getString("topic"), strings(rs.getArray("situations")),
                strings(rs.getArray("related")), rs.getObject("review_by", LocalDate.class),
                rs.getObject("last_reviewed", LocalDate.class), rs.getTimestamp("updated_at").toInstant());
    }

    private static Translation translationRow(ResultSet rs, int n) throws SQLException {
        return new Translation(rs.getLong("guide_id"), Language.byCode(rs.getString("language")).orElse(Language.DEFAULT),
                State.valueOf(rs.getString("state")), rs.getLong("working_version_id"),
                (Long) rs.getObject("published_version_id"), rs.getString("submitted_by"), rs.getString("approved_by"),
                instant(rs.getTimestamp("published_at")));
    }

    private Version versionRow(ResultSet rs, int n) throws SQLException {
        List<Source> sources = json.readValue(rs.getString("sources"), SOURCES);
        return new Version(rs.getLong("id"), rs.getLong("guide_id"),
                Language.byCode(rs.getString("language")).orElse(Language.DEFAULT), rs.getInt("number"),
                new Text(rs.getString("title"), rs.getString("summary"), rs.getString("body"), sources),
                rs.getString("author"), rs.getString("note"), (Long) rs.getObject("based_on"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static boolean sameText(Text a, Text b) {
        return Objects.equals(a.title(), b.title()) && Objects.equals(a.summary(), b.summary())
                && Objects.equals(a.body(), b.body()) && Objects.equals(a.sources(), b.sources());
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
}
