package it.comune.immigrati.site;

import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever an editor (or a stolen editor account) writes, the rendered guide, FAQ or page carries no
 * script: no script element, event handler or javascript: address inside a tag. Fuzzed for a short
 * while in every build (its own surefire execution in pom.xml).
 */
class MarkdownFuzzTest {

    private static final Pattern ACTIVE = Pattern.compile("(?i)<script|<[^>]*(\\son[a-z]+\\s*=|javascript:|vbscript:|data:text)[^>]*>");

    @FuzzTest(maxDuration = "60s")
    void renderedMarkdownNeverCarriesScript(String markdown) {
        for (String html : new String[] { Markdown.toSafeHtml(markdown), Markdown.withSections(markdown).html() }) {
            if (ACTIVE.matcher(html).find()) {
                throw new AssertionError("Active content rendered from " + markdown + ":\n" + html);
            }
        }
    }
}
