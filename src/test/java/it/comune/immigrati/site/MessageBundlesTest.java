package it.comune.immigrati.site;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key of every module in every language, each a valid MessageFormat pattern. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyKeyIsTranslatedIntoEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties italian = load(bundle, Language.IT);
            for (Language language : Language.values()) {
                ClassPathResource file = new ClassPathResource("messages/" + bundle + "_" + language.code() + ".properties");
                if (!file.exists()) {
                    problems.add(file.getPath() + " is missing");
                    continue;
                }
                Properties translated = load(bundle, language);
                for (String key : italian.stringPropertyNames()) {
                    String value = translated.getProperty(key);
                    if (value == null || value.isBlank()) {
                        problems.add(bundle + "_" + language.code() + ": no " + key);
                    } else if (!placeholders(value).equals(placeholders(italian.getProperty(key)))) {
                        problems.add(bundle + "_" + language.code() + ": placeholders of " + key + " differ from Italian");
                    } else if (LONE_QUOTE.matcher(value).find()) {
                        problems.add(bundle + "_" + language.code() + ": lone apostrophe in " + key + " (write '')");
                    } else if (value.contains("choice") && value.contains("''")) {
                        // a choice pattern unquotes a second time: '' would come out as nothing ("dellufficio")
                        problems.add(bundle + "_" + language.code() + ": apostrophe inside a choice in " + key + " (write ’)");
                    }
                }
                for (String key : translated.stringPropertyNames()) {
                    if (!italian.containsKey(key)) {
                        problems.add(bundle + "_" + language.code() + ": " + key + " is not in Italian");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void translationsAreNotCopiesOfTheItalian() throws IOException {
        for (String bundle : bundles()) {
            Properties italian = load(bundle, Language.IT);
            for (Language language : Language.values()) {
                if (language == Language.IT) {
                    continue;
                }
                Properties translated = load(bundle, language);
                long same = italian.stringPropertyNames().stream()
                        .filter(k -> italian.getProperty(k).length() > 25 && italian.getProperty(k).equals(translated.getProperty(k)))
                        .count();
                assertThat(same).as(bundle + "_" + language.code() + " sentences left in Italian").isZero();
            }
        }
    }

    private static Set<String> bundles() throws IOException {
        Set<String> bundles = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_it.properties")) {
            String name = resource.getFilename();
            bundles.add(name.substring(0, name.length() - "_it.properties".length()));
        }
        assertThat(bundles).contains("site", "accounts", "mail");
        return bundles;
    }

    private static Properties load(String bundle, Language language) throws IOException {
        Properties properties = new Properties();
        ClassPathResource file = new ClassPathResource("messages/" + bundle + "_" + language.code() + ".properties");
        if (file.exists()) {
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
