package it.comune.immigrati.guides.internal;

import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.site.Language;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The guide and the language that a staff address names; one that does not exist is the 404 page. */
final class GuideUrls {

    private GuideUrls() {
    }

    static Guide guide(GuideStore store, long id) {
        return store.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static Language language(String code) {
        return Language.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
