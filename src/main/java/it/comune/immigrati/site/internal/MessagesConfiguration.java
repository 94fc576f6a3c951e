package it.comune.immigrati.site.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ITALIAN);
        // every message goes through MessageFormat, so an apostrophe is always written ''
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
