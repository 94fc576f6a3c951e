package it.comune.immigrati.site.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

import it.comune.immigrati.site.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message bundle per module ({@code messages/<module>_<lang>.properties}), found on the class path,
 * so a module brings its own strings without touching any shared list.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] italian = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:messages/*_" + Language.DEFAULT.code() + ".properties");
        String[] basenames = Arrays.stream(italian).map(Resource::getFilename)
                .map(name -> "messages/" + name.substring(0, name.length() - "_it.properties".length()))
                .distinct().sorted().toArray(String[]::new);
        ResourceBundleMessageSource messages = new UnsharedFormats();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ITALIAN);
        // every message goes through MessageFormat, so an apostrophe is always written ''
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    /**
     * Spring keeps one MessageFormat per message and language and formats under its lock: with every
     * message going through MessageFormat, concurrent requests queued on the same strings (a page of
     * ninety "N free times" lines served 500 pages/s on two cores, most threads waiting on that lock).
     * Each call formats with its own copy of the parsed format instead: no parsing again, no waiting.
     */
    static final class UnsharedFormats extends ResourceBundleMessageSource {

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }
    }
}
