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

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("hr", "pre", "code").toFactory());

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return POLICY.sanitize(RENDERER.render(document));
    }
}
