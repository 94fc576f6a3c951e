package it.comune.immigrati.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import it.comune.immigrati.platform.AccessRule;

/**
 * One declaration of a module's group of URLs: who may reach it, whether anonymous answers may be kept
 * in the page cache, and the menu entries that lead there. A module declares a bean of this type per
 * group, e.g. an open, cached route for /faq/** with its entry in the main menu. A URL that no
 * route (nor a platform {@link AccessRule}) names is denied.
 *
 * @param pattern a path pattern, as Spring MVC matches it ({@code /ufficio/faq/**})
 * @param roles   the staff roles allowed; empty with {@code open} for everybody
 * @param open    reachable without signing in
 * @param cacheable anonymous GET answers depend only on address, language and public content
 * @param links   menu entries; staff entries are shown to the route's roles
 */
public record Route(String pattern, Set<String> roles, boolean open, boolean cacheable, List<NavigationItem> links) {

    public Route {
        // a forgotten role list must not fail open: a staff route names its roles, an open one none
        if (open != roles.isEmpty()) {
            throw new IllegalArgumentException(pattern + ": an open route has no roles, a staff route names them");
        }
        roles = Set.copyOf(roles);
        links = List.copyOf(links);
    }

    /** For everybody, anonymous visitors included. */
    public static Route open(String pattern) {
        return new Route(pattern, Set.of(), true, false, List.of());
    }

    /** For signed-in staff with one of the roles. */
    public static Route staff(String pattern, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("name the roles of " + pattern);
        }
        return new Route(pattern, Set.of(roles), false, false, List.of());
    }

    /** Anonymous answers may be kept in the page cache until public content changes. */
    public Route cached() {
        if (!open) {
            throw new IllegalStateException(pattern + ": only open routes are cached");
        }
        return new Route(pattern, roles, open, true, links);
    }

    public Route inMainMenu(String messageKey, String path, int order) {
        return with(NavigationItem.main(messageKey, path, order));
    }

    public Route inFooter(String messageKey, String path, int order) {
        return with(NavigationItem.footer(messageKey, path, order));
    }

    /** An entry of the staff navigation, in a group ({@link NavigationItem#GROUP_DESK} and the others). */
    public Route inStaffMenu(String messageKey, String path, int order, String group) {
        return with(new NavigationItem(messageKey, path, order, NavigationItem.Area.STAFF, roles, group));
    }

    private Route with(NavigationItem item) {
        List<NavigationItem> all = new ArrayList<>(links);
        all.add(item);
        return new Route(pattern, roles, open, cacheable, all);
    }

    /** The access rule this route stands for. */
    public AccessRule accessRule() {
        return open ? AccessRule.anyone(pattern) : AccessRule.roles(pattern, roles.toArray(String[]::new));
    }
}
