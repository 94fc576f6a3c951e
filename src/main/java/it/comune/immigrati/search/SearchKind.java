package it.comune.immigrati.search;

/**
 * A kind of document a module publishes to the site search (its FAQ, its guides, its courses). A
 * module declares a bean of this type; the search page offers it as a filter and labels its results
 * with it.
 *
 * @param code     the kind written in {@link SearchIndex.Document#kind()}, e.g. faq
 * @param labelKey the label, a key of the module's own message bundle
 * @param order    position in the filter, lower first
 */
public record SearchKind(String code, String labelKey, int order) {
}
