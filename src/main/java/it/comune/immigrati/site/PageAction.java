package it.comune.immigrati.site;

import java.util.List;

/**
 * A step a module offers from another module's page: "book an appointment" on the guide about the
 * procedure, say. Modules declare beans of this type; the page asks each of them what to offer for the
 * record it shows. A cached page is rendered again when public content changes, so a module whose
 * offer changes calls {@code PublicContent.changed()}.
 */
@FunctionalInterface
public interface PageAction {

    /** Guides, by slug. */
    String GUIDE = "guide";

    /**
     * What to offer on the page of a record.
     *
     * @param kind     what the page shows ({@link #GUIDE})
     * @param ref      which record (a guide's slug)
     * @param language the visitor's language
     */
    List<Action> actionsFor(String kind, String ref, Language language);

    /**
     * A message (key and arguments), where it leads, and what tells it apart from the page's other
     * actions (a service's name), shown only when there are several.
     */
    record Action(String messageKey, List<Object> args, String path, String detail) {
    }
}
