package it.comune.immigrati.site;

import java.util.Set;

/**
 * One entry of the site's navigation, declared with its {@link Route} (or alone, as a bean, for a page
 * whose route another module declares), so the menus only ever link to pages that exist.
 *
 * @param messageKey the label's message key
 * @param path       where it leads
 * @param order      position, lower first
 * @param area       where it is shown
 * @param roles      for staff entries, the roles that see it (empty: every staff member)
 * @param group      for staff entries, the group of the staff navigation it is shown in
 */
public record NavigationItem(String messageKey, String path, int order, Area area, Set<String> roles, String group) {

    /** Staff groups, in the order the staff home shows them: the desk's daily work. */
    public static final String GROUP_DESK = "desk";
    /** Public content: guides, FAQ, pages. */
    public static final String GROUP_CONTENT = "content";
    /** Desk appointments: services, agenda, waiting list. */
    public static final String GROUP_APPOINTMENTS = "appointments";
    /** Practice files and the housing certificate. */
    public static final String GROUP_PRACTICES = "practices";
    /** The network database of the associations' interventions. */
    public static final String GROUP_NETWORK = "network";
    /** Italian, civic and vocational courses. */
    public static final String GROUP_COURSES = "courses";
    /** Inclusion projects. */
    public static final String GROUP_PROJECTS = "projects";
    /** The office's figures and reports. */
    public static final String GROUP_STATISTICS = "statistics";
    /** Accounts, audit, mail, privacy requests. */
    public static final String GROUP_ADMINISTRATION = "administration";
    /** Every group, in the order the staff navigation and the staff home show them; a group shows only with entries. */
    public static final java.util.List<String> GROUPS = java.util.List.of(GROUP_DESK, GROUP_CONTENT, GROUP_APPOINTMENTS,
            GROUP_PRACTICES, GROUP_NETWORK, GROUP_COURSES, GROUP_PROJECTS, GROUP_STATISTICS, GROUP_ADMINISTRATION);

    public enum Area {
        /** The citizens' main navigation. */
        MAIN,
        /** The footer's links. */
        FOOTER,
        /** The staff area's navigation. */
        STAFF
    }

    public static NavigationItem main(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Area.MAIN, Set.of(), "");
    }

    public static NavigationItem footer(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Area.FOOTER, Set.of(), "");
    }

    public static NavigationItem staff(String messageKey, String path, int order, String group, String... roles) {
        return new NavigationItem(messageKey, path, order, Area.STAFF, Set.of(roles), group);
    }
}
