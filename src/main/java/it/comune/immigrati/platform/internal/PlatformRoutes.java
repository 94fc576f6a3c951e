package it.comune.immigrati.platform.internal;

import it.comune.immigrati.platform.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON API's description belongs to the platform, not to one module: it covers every module's
 * {@code /api/v1} routes, which each module declares itself.
 */
@Configuration(proxyBeanMethods = false)
class PlatformRoutes {

    @Bean
    AccessRule openApiDescription() {
        return AccessRule.anyone("/v3/api-docs/**");
    }

    @Bean
    AccessRule openApiDescriptionYaml() {
        return AccessRule.anyone("/v3/api-docs.yaml");
    }
}
