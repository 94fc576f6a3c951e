package it.comune.immigrati.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site ships only the Bootstrap Italia rules its templates use ({@code frontend/purge-css}). This
 * fails when a template uses a Bootstrap Italia class that the committed stylesheet lacks: run
 * {@code ./frontend/purge-css} and commit the result.
 */
class PurgedStylesTest {

    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("class=\"((?:[^\"$]|\\$\\{[^}]*\\})*)\"");
    /** The same words the purge takes from templates (frontend/purge-css.mjs). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.([a-zA-Z][\\w-]*)");

    @Test
    void everyBootstrapItaliaClassATemplateUsesIsInTheShippedStylesheet() throws IOException {
        Set<String> full = classes(read("META-INF/resources/webjars/bootstrap-italia/2.17.0/dist/css/bootstrap-italia.min.css"));
        Set<String> shipped = classes(read("static/css/bootstrap-italia.purged.css"));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher attribute = CLASS_ATTRIBUTE.matcher(Files.readString(template));
                while (attribute.find()) {
                    Matcher word = WORD.matcher(attribute.group(1));
                    while (word.find()) {
                        used.add(word.group());
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.retainAll(full);
        missing.removeAll(shipped);
        assertThat(used).contains("btn", "alert", "form-control", "it-header-wrapper");
        assertThat(missing).as("Bootstrap Italia classes used by templates but purged: run ./frontend/purge-css").isEmpty();
        assertThat(shipped.size()).as("the purge keeps a fraction").isLessThan(full.size() / 3);
    }

    private static Set<String> classes(String css) {
        Set<String> names = new TreeSet<>();
        Matcher selector = CLASS_SELECTOR.matcher(css);
        while (selector.find()) {
            names.add(selector.group(1));
        }
        return names;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PurgedStylesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
