package it.comune.immigrati.guides.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.guides.internal.GuideRecords.Card;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Shown;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.search.SearchIndex;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of the guides: the list, a guide's page, and the search documents. The changes
 * here run inside the workflow step that causes them (MANDATORY), so that the page, the search document
 * and the editorial state commit together or not at all.
 */
@Service
class GuidePublication {

    static final String SEARCH_KIND = "guide";

    private final GuideStore store;
    private final SearchIndex index;
    private final Search search;
    private final PublicContent content;
    private final GuidesProperties settings;
    private final Clock clock;

    GuidePublication(GuideStore store, SearchIndex index, Search search, PublicContent content, GuidesProperties settings,
            Clock clock) {
        this.store = store;
        this.index = index;
        this.search = search;
        this.content = content;
        this.settings = settings;
        this.clock = clock;
    }

    /** Published guides for the public list, each in {@code language} or else in Italian, by title. */
    List<Card> published(Language language) {
        return store.publishedCards(language).stream().sorted((a, b) -> a.title().compareToIgnoreCase(b.title())).toList();
    }

    /** The public page of a guide in {@code language}, or in Italian when it has no published translation. */
    Optional<Shown> shown(String slug, Language language) {
        Optional<Guide> found = store.bySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Guide guide = found.get();
        Optional<Translation> chosen = store.translation(guide.id(), language).filter(Translation::live);
        boolean fallback = chosen.isEmpty() && language != Language.DEFAULT;
        if (chosen.isEmpty()) {
            chosen = store.translation(guide.id(), Language.DEFAULT).filter(Translation::live);
        }
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Translation translation = chosen.get();
        Version version = store.version(translation.publishedVersionId()).orElseThrow();
        List<Card> related = guide.related().isEmpty() ? List.of()
                : published(language).stream().filter(c -> guide.related().contains(c.slug())).toList();
        List<Search.Hit> faq = search.newest("faq", guide.topic(), language, 4);
        Long italianPublished = language == Language.DEFAULT ? null
                : store.translation(guide.id(), Language.DEFAULT).map(Translation::publishedVersionId).orElse(null);
        boolean stale = GuideCoverage.stale(version.language(), version.basedOn(), italianPublished);
        boolean unreviewed = version.language() != Language.DEFAULT && version.unreviewed();
        return Optional.of(new Shown(guide, version, Markdown.withSections(version.text().body()), fallback, stale, unreviewed,
                translation.publishedAt(), related, faq));
    }

    /** The working text of one language goes public; publishing the Italian text counts as a review of the guide. */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(long guideId, Language language, String approvedBy) {
        store.published(guideId, language, approvedBy);
        if (language == Language.DEFAULT) {
            LocalDate today = LocalDate.now(clock);
            store.italianPublished(guideId, today, today.plus(settings.reviewInterval()));
        }
        reindex(store.byId(guideId).orElseThrow(), store.translation(guideId, language).orElseThrow());
    }

    /** One language leaves the site and the search; its texts stay for the editors. */
    @Transactional(propagation = Propagation.MANDATORY)
    void withdraw(Guide guide, Language language) {
        store.withdrawn(guide.id(), language);
        index.remove(SEARCH_KIND, guide.slug(), language);
    }

    /** The topic is part of every published language's search document. */
    @Transactional(propagation = Propagation.MANDATORY)
    void detailsChanged(Guide guide) {
        for (Translation translation : store.translations(guide.id())) {
            if (translation.live()) {
                reindex(guide, translation);
            }
        }
    }

    /** An editor checked the guide today; the page shows when, so cached copies go. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewed(long guideId) {
        LocalDate today = LocalDate.now(clock);
        store.reviewed(guideId, today, today.plus(settings.reviewInterval()));
        content.changed();
    }

    private void reindex(Guide guide, Translation translation) {
        Version version = store.version(translation.publishedVersionId()).orElseThrow();
        index.put(new SearchIndex.Document(SEARCH_KIND, guide.slug(), translation.language(), version.text().title(),
                version.text().summary(), Markdown.toPlainText(version.text().body()), "/guide/" + guide.slug(),
                guide.topic(), translation.publishedAt()));
    }
}
