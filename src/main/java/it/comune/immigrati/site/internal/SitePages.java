package it.comune.immigrati.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's editable pages. Each has a text shipped with the application (Markdown under
 * {@code content/pages}) that editors may replace per language; the visitor's language is shown when it
 * exists, Italian otherwise.
 */
@Service
class SitePages {

    static final List<String> SLUGS = List.of("privacy", "accessibilita", "note-legali");

    private final JdbcClient jdbc;
    private final AciProperties properties;
    private final ApplicationEventPublisher events;

    private final it.comune.immigrati.platform.PublicContent content;

    SitePages(JdbcClient jdbc, AciProperties properties, ApplicationEventPublisher events,
            it.comune.immigrati.platform.PublicContent content) {
        this.content = content;
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    record PageText(String slug, Language language, String title, String markdown, Instant updatedAt,
            boolean edited) {
    }

    Optional<ShownPage> show(String slug, Language wanted) {
        if (!SLUGS.contains(slug)) {
            return Optional.empty();
        }
        Optional<PageText> text = text(slug, wanted);
        boolean fallback = text.isEmpty();
        PageText page = text.or(() -> text(slug, Language.DEFAULT)).orElseThrow();
        return Optional.of(new ShownPage(page.title(), Markdown.toSafeHtml(page.markdown()), page.language(),
                fallback && wanted != Language.DEFAULT, page.updatedAt()));
    }

    /** The text for exactly this language: an editor's version, else the shipped one. */
    Optional<PageText> text(String slug, Language language) {
        Optional<PageText> edited = jdbc.sql("""
                SELECT title, body_markdown, updated_at FROM site_page WHERE slug = :slug AND language = :language
                """).param("slug", slug).param("language", language.code())
                .query((rs, n) -> new PageText(slug, language, rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), true))
                .optional();
        return edited.or(() -> shipped(slug, language));
    }

    private Optional<PageText> shipped(String slug, Language language) {
        ClassPathResource resource = new ClassPathResource("content/pages/" + slug + "." + language.code() + ".md");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            String markdown = fillIn(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String title = markdown.lines().findFirst().orElse(slug).replaceFirst("^#\\s*", "");
            String body = markdown.lines().skip(1).reduce("", (a, b) -> a + b + "\n").strip();
            return Optional.of(new PageText(slug, language, title, body, null, false));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private String fillIn(String text) {
        AciProperties.Comune comune = properties.comune();
        Map<String, String> values = Map.of("{{comune}}", comune.name(), "{{ufficio}}", comune.office(),
                "{{indirizzo}}", comune.address(), "{{email}}", comune.email(), "{{pec}}", comune.pec(),
                "{{telefono}}", comune.phone(), "{{sito}}", comune.website(), "{{segnalazioni}}",
                comune.accessibilityFeedbackUrl());
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    @Transactional
    void save(String slug, Language language, String title, String markdown, String editor) {
        if (!SLUGS.contains(slug)) {
            throw new IllegalArgumentException("Unknown page " + slug);
        }
        jdbc.sql("""
                INSERT INTO site_page (slug, language, title, body_markdown, updated_by)
                VALUES (:slug, :language, :title, :body, :editor)
                ON CONFLICT (slug, language) DO UPDATE
                SET title = EXCLUDED.title, body_markdown = EXCLUDED.body_markdown,
                    updated_by = EXCLUDED.updated_by, updated_at = now()
                """).param("slug", slug).param("language", language.code()).param("title", title)
                .param("body", markdown).param("editor", editor).update();
        content.changed();
        events.publishEvent(new Audited(editor, "site-page.update", "site_page", slug + "/" + language.code(),
                "title: " + title));
    }
}
