package it.comune.immigrati.guides.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.comune.immigrati.guides.internal.GuideRecords.Card;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Pending;
import it.comune.immigrati.guides.internal.GuideRecords.Source;
import it.comune.immigrati.guides.internal.GuideRecords.State;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.site.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of guides, their versions and the editorial state of each language. No rule lives here: the
 * workflow decides which of these changes may happen, and the caller's transaction holds them together.
 */
@Repository
class GuideStore {

    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    GuideStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One cell of the coverage table as stored; whether it is stale is the coverage's rule. */
    record CoverageCell(long guideId, String language, State state, boolean live, String title, Long basedOn,
            Long italianPublishedVersionId, boolean unreviewed) {
    }

    // --- guides

    Optional<Guide> byId(long id) {
        return jdbc.sql("SELECT * FROM guide WHERE id = :id").param("id", id).query(GuideStore::guideRow).optional();
    }

    Optional<Guide> bySlug(String slug) {
        return jdbc.sql("SELECT * FROM guide WHERE slug = :slug").param("slug", slug).query(GuideStore::guideRow).optional();
    }

    /** By slug. */
    List<Guide> all() {
        return jdbc.sql("SELECT * FROM guide ORDER BY slug").query(GuideStore::guideRow).list();
    }

    /** Guides whose review date is before {@code day}, the most overdue first. */
    List<Guide> dueForReview(LocalDate day) {
        return jdbc.sql("SELECT * FROM guide WHERE review_by < :day ORDER BY review_by, slug").param("day", day)
                .query(GuideStore::guideRow).list();
    }

    long insertGuide(String slug, String topic, List<String> situations, LocalDate reviewBy, String staff) {
        return jdbc.sql("""
                INSERT INTO guide (slug, topic, situations, review_by, created_by)
                VALUES (:slug, :topic, :situations, :reviewBy, :staff) RETURNING id
                """).param("slug", slug).param("topic", topic).param("situations", situations.toArray(String[]::new))
                .param("reviewBy", reviewBy).param("staff", staff).query(Long.class).single();
    }

    void updateDetails(long id, String topic, List<String> situations, List<String> related, LocalDate reviewBy) {
        jdbc.sql("""
                UPDATE guide SET topic = :topic, situations = :situations, related = :related, review_by = :reviewBy,
                                 updated_at = now()
                WHERE id = :id
                """).param("topic", topic).param("situations", situations.toArray(String[]::new))
                .param("related", related.toArray(String[]::new)).param("reviewBy", reviewBy).param("id", id).update();
    }

    /** An editor checked the whole guide on {@code today}. */
    void reviewed(long id, LocalDate today, LocalDate next) {
        jdbc.sql("UPDATE guide SET last_reviewed = :today, review_by = :next, updated_at = now() WHERE id = :id")
                .param("today", today).param("next", next).param("id", id).update();
    }

    /** Publishing the Italian text is a review too; a review date already set by an editor stays. */
    void italianPublished(long id, LocalDate today, LocalDate next) {
        jdbc.sql("""
                UPDATE guide SET last_reviewed = :today,
                       review_by = coalesce(review_by, :next), updated_at = now()
                WHERE id = :id
                """).param("today", today).param("next", next).param("id", id).update();
    }

    // --- versions

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

    void unreviewed(long versionId, boolean unreviewed) {
        jdbc.sql("UPDATE guide_version SET unreviewed = :unreviewed WHERE id = :id").param("unreviewed", unreviewed)
                .param("id", versionId).update();
    }

    /** Numbers count per guide and language; returns the new version's id. */
    long insertVersion(long guideId, Language language, Text text, String author, String note, Long basedOn) {
        return jdbc.sql("""
                INSERT INTO guide_version (guide_id, language, number, title, summary, body, sources, author, note, based_on)
                VALUES (:guide, :language,
                        (SELECT coalesce(max(number), 0) + 1 FROM guide_version WHERE guide_id = :guide AND language = :language),
                        :title, :summary, :body, CAST(:sources AS jsonb), :author, :note, :basedOn)
                RETURNING id
                """).param("guide", guideId).param("language", language.code()).param("title", text.title())
                .param("summary", text.summary()).param("body", text.body())
                .param("sources", json.writeValueAsString(text.sources())).param("author", author).param("note", note)
                .param("basedOn", basedOn).query(Long.class).single();
    }

    /** The Italian title of a guide (its slug when it has none yet). */
    String title(Guide guide) {
        return translation(guide.id(), Language.DEFAULT).flatMap(t -> version(t.workingVersionId()))
                .map(v -> v.text().title()).orElse(guide.slug());
    }

    // --- translations: the editorial state of one language

    Optional<Translation> translation(long guideId, Language language) {
        return jdbc.sql("SELECT * FROM guide_translation WHERE guide_id = :guide AND language = :language")
                .param("guide", guideId).param("language", language.code()).query(GuideStore::translationRow).optional();
    }

    List<Translation> translations(long guideId) {
        return jdbc.sql("SELECT * FROM guide_translation WHERE guide_id = :guide ORDER BY language")
                .param("guide", guideId).query(GuideStore::translationRow).list();
    }

    /** The new version is the working text, as a draft; what the public sees does not change. */
    void draft(long guideId, Language language, long versionId) {
        jdbc.sql("""
                INSERT INTO guide_translation (guide_id, language, state, working_version_id)
                VALUES (:guide, :language, 'DRAFT', :version)
                ON CONFLICT (guide_id, language) DO UPDATE SET state = 'DRAFT', working_version_id = :version,
                    submitted_by = NULL, updated_at = now()
                """).param("guide", guideId).param("language", language.code()).param("version", versionId).update();
    }

    void submitted(long guideId, Language language, String staff) {
        jdbc.sql("""
                UPDATE guide_translation SET state = 'IN_REVIEW', submitted_by = :staff, updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("staff", staff).param("guide", guideId).param("language", language.code()).update();
    }

    void sentBack(long guideId, Language language) {
        jdbc.sql("""
                UPDATE guide_translation SET state = 'DRAFT', submitted_by = NULL, updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("guide", guideId).param("language", language.code()).update();
    }

    void published(long guideId, Language language, String approvedBy) {
        jdbc.sql("""
                UPDATE guide_translation SET published_version_id = working_version_id, state = 'PUBLISHED',
                       approved_by = :staff, published_at = now(), updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("staff", approvedBy).param("guide", guideId).param("language", language.code()).update();
    }

    void withdrawn(long guideId, Language language) {
        jdbc.sql("""
                UPDATE guide_translation SET published_version_id = NULL, published_at = NULL, state = 'DRAFT',
                       submitted_by = NULL, updated_at = now()
                WHERE guide_id = :guide AND language = :language
                """).param("guide", guideId).param("language", language.code()).update();
    }

    // --- what the public and the coverage table read

    /** Each published guide once, in {@code language} where published, else in Italian; unsorted. */
    List<Card> publishedCards(Language language) {
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
                .list();
    }

    /** Every language of every guide, titled by its published text or else its working one. */
    List<CoverageCell> coverageCells() {
        return jdbc.sql("""
                SELECT t.guide_id, t.language, t.state, t.published_version_id, w.title, w.based_on, w.unreviewed,
                       it.published_version_id AS italian_published_version_id
                FROM guide_translation t
                JOIN guide_version w ON w.id = coalesce(t.published_version_id, t.working_version_id)
                LEFT JOIN guide_translation it ON it.guide_id = t.guide_id AND it.language = 'it'
                """).query((rs, n) -> new CoverageCell(rs.getLong("guide_id"), rs.getString("language"),
                        State.valueOf(rs.getString("state")), rs.getObject("published_version_id") != null,
                        rs.getString("title"), (Long) rs.getObject("based_on"),
                        (Long) rs.getObject("italian_published_version_id"), rs.getBoolean("unreviewed")))
                .list();
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
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("unreviewed"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Translations sent for approval and not yet decided, for the staff home. */
    long inReview() {
        return jdbc.sql("SELECT count(*) FROM guide_translation WHERE state = 'IN_REVIEW'").query(Long.class).single();
    }

    /** Texts sent for approval and not yet decided, the longest waiting first, titled in their own language. */
    List<Pending> awaitingApproval() {
        return pending("", Map.of());
    }

    /** The one text of a guide in a language sent for approval, if it is waiting. */
    Optional<Pending> awaitingApproval(long guideId, Language language) {
        return pending("AND t.guide_id = :guide AND t.language = :language",
                Map.of("guide", guideId, "language", language.code())).stream().findFirst();
    }

    private List<Pending> pending(String condition, Map<String, Object> parameters) {
        return jdbc.sql("""
                SELECT t.guide_id, g.slug, t.language, w.title, w.author, t.submitted_by, t.updated_at
                FROM guide_translation t
                JOIN guide g ON g.id = t.guide_id
                JOIN guide_version w ON w.id = t.working_version_id
                WHERE t.state = 'IN_REVIEW'
                """ + condition + """

                ORDER BY t.updated_at, t.guide_id, t.language
                """).params(parameters).query((rs, n) -> new Pending(rs.getLong("guide_id"), rs.getString("slug"),
                        Language.byCode(rs.getString("language")).orElse(Language.DEFAULT), rs.getString("title"),
                        rs.getString("author"), rs.getString("submitted_by"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
