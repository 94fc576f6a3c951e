package it.comune.immigrati.guides.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import it.comune.immigrati.guides.internal.GuideRecords.Coverage;
import it.comune.immigrati.guides.internal.GuideRecords.CoverageRow;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Service;

/**
 * What the editors must look after: the table of every guide in every language, the translations left
 * behind by a newer Italian text, and the guides past their review date.
 */
@Service
class GuideCoverage {

    private final GuideStore store;

    GuideCoverage(GuideStore store) {
        this.store = store;
    }

    /**
     * A translation is stale when it was made from an Italian version that is no longer the published one.
     * Until the Italian text is published there is nothing to be behind, and the Italian is never stale.
     */
    static boolean stale(Language language, Long basedOn, Long italianPublishedVersionId) {
        return language != Language.DEFAULT && italianPublishedVersionId != null
                && !Objects.equals(basedOn, italianPublishedVersionId);
    }

    /** By slug; a guide is titled in Italian, or in its first language when it has no Italian text yet. */
    List<CoverageRow> coverage() {
        List<Guide> guides = store.all();
        Map<Long, Map<Language, Coverage>> cells = new LinkedHashMap<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        for (GuideStore.CoverageCell cell : store.coverageCells()) {
            // a language the site no longer offers has no column
            Language language = Language.byCode(cell.language()).orElse(null);
            if (language == null) {
                continue;
            }
            cells.computeIfAbsent(cell.guideId(), k -> new EnumMap<>(Language.class)).put(language,
                    new Coverage(cell.state(), cell.live(), stale(language, cell.basedOn(), cell.italianPublishedVersionId()),
                            cell.unreviewed()));
            if (language == Language.DEFAULT || !titles.containsKey(cell.guideId())) {
                titles.put(cell.guideId(), cell.title());
            }
        }
        return guides.stream().map(g -> new CoverageRow(g, titles.getOrDefault(g.id(), g.slug()),
                cells.getOrDefault(g.id(), Map.of()))).toList();
    }

    Optional<CoverageRow> of(long guideId) {
        return coverage().stream().filter(r -> r.guide().id() == guideId).findFirst();
    }

    /** Guides whose review date is before {@code day}. */
    List<Guide> dueForReview(LocalDate day) {
        return store.dueForReview(day);
    }
}
