package it.comune.immigrati.site;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Editors' Markdown to safe HTML: commonmark renders it, the OWASP sanitizer keeps only formatting,
 * links and tables, so an editor's account cannot be used to put script on a public page.
 */
public final class Markdown {

    /** GitHub-style tables: the editors' fee and document tables. */
    private static final java.util.List<org.commonmark.Extension> EXTENSIONS =
            java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    /** The editors' mark on a figure still to be checked: for staff, never shown raw to residents. */
    public static final String UNCONFIRMED = "[da verificare]";
    private static final String SECTION_ID = "sezione-";
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("hr", "pre", "code", "h2")
                    .allowAttributes("id").matching(java.util.regex.Pattern.compile(SECTION_ID + "[0-9]{1,3}")).onElements("h2")
                    .toFactory());

    /** A rendered text with its second-level headings, for a page index. */
    public record Sections(String html, java.util.List<Section> sections) {
    }

    /** A heading and the anchor it can be reached at. */
    public record Section(String id, String title) {
    }

    private Markdown() {
    }

    /** Renders {@code markdown} like {@link #toSafeHtml} and gives every {@code ##} heading an anchor. */
    public static Sections withSections(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        java.util.List<Section> sections = new java.util.ArrayList<>();
        java.util.Map<Node, String> ids = new java.util.IdentityHashMap<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Heading heading && heading.getLevel() == 2) {
                String id = SECTION_ID + (sections.size() + 1);
                ids.put(heading, id);
                sections.add(new Section(id, TEXT.render(heading).strip()));
            }
        }
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    String id = ids.get(node);
                    if (id != null) {
                        attributes.put("id", id);
                    }
                }).build();
        return new Sections(POLICY.sanitize(renderer.render(document)), java.util.List.copyOf(sections));
    }

    /** The words of {@code markdown} without markup, for the search index. */
    public static String toPlainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown)).replace(" " + UNCONFIRMED, "").replace(UNCONFIRMED, "");
    }

    private static final org.commonmark.renderer.text.TextContentRenderer TEXT =
            org.commonmark.renderer.text.TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /**
     * Rendered HTML for residents: each editors' mark becomes {@code note} (already in the reader's
     * language), discreetly, or disappears when {@code note} is null.
     */
    public static String forResidents(String html, String note) {
        String shown = note == null ? "" : " <small class=\"aci-unconfirmed\">("
                + org.springframework.web.util.HtmlUtils.htmlEscape(note, "UTF-8") + ")</small>";
        return html.replace(" " + UNCONFIRMED, shown).replace(UNCONFIRMED, shown.strip());
    }

    public static String toSafeHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return POLICY.sanitize(RENDERER.render(document));
    }
}
