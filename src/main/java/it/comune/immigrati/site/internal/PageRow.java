package it.comune.immigrati.site.internal;

import java.util.List;

import it.comune.immigrati.site.Language;

/** One content page in the editors' list, with the languages it has. */
public record PageRow(String slug, String title, List<Coverage> languages) {

    public record Coverage(Language language, boolean exists, boolean edited) {
    }
}
