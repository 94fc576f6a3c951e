package it.comune.immigrati.site;

import java.util.Set;

/**
 * One entry of the site's navigation. A module declares a bean of this type for each page it owns, so
 * the menus only ever link to pages that exist.
 *
 * @param messageKey the label's message key
 * @param path       where it leads
 * @param order      position, lower first
 * @param area       where it is shown
 * @param roles      for staff entries, the roles that see it (empty: every staff member)
 */
public record NavigationItem(String messageKey, String path, int order, Area area, Set<String> roles) {

    public enum Area {
        /** The citizens' main navigation. */
        MAIN,
        /** The footer's links. */
        FOOTER,
        /** The staff area's navigation. */
        STAFF
    }

    public static NavigationItem main(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Area.MAIN, Set.of());
    }

    public static NavigationItem footer(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Area.FOOTER, Set.of());
    }

    public static NavigationItem staff(String messageKey, String path, int order, String... roles) {
        return new NavigationItem(messageKey, path, order, Area.STAFF, Set.of(roles));
    }
}
