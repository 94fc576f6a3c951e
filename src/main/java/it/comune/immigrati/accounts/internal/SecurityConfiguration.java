package it.comune.immigrati.accounts.internal;

import java.util.Comparator;
import java.util.List;

import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.platform.AccessRule;
import it.comune.immigrati.platform.TokenFreeForm;
import it.comune.immigrati.site.Route;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import it.comune.immigrati.platform.AciProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may reach what, and the headers every response carries. Access rules come from the modules
 * ({@link AccessRule} beans), most specific first; staff pages need the password and the TOTP code.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    HttpSessionSecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Right after Spring Session's filter (which makes the session), before Spring Security's. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(AciProperties properties) {
        FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
                new SessionLifetimeFilter(properties.security().sessionMaxLifetime()));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    @Bean
    HttpSessionRequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<Route> routes, ObjectProvider<AccessRule> platformRules,
            ObjectProvider<TokenFreeForm> tokenFreeForms, PasswordStep passwordStep,
            HttpSessionSecurityContextRepository contexts, HttpSessionRequestCache requestCache) throws Exception {
        List<AccessRule> rules = Stream.concat(routes.stream().map(Route::accessRule), platformRules.orderedStream()).toList();
        // most specific first, by the same measure Spring MVC uses to choose between matching patterns:
        // "/ufficio/guide/*/*/approva" before "/ufficio/guide/**" before "/ufficio/**"
        List<AccessRule> ordered = rules.stream().sorted(Comparator.comparing(
                (AccessRule rule) -> PathPatternParser.defaultInstance.parse(rule.pattern()), PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
        http.authenticationProvider(passwordStep)
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(authorize -> {
                    for (AccessRule rule : ordered) {
                        if (rule.open()) {
                            authorize.requestMatchers(rule.pattern()).permitAll();
                        } else {
                            authorize.requestMatchers(rule.pattern()).hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    authorize.requestMatchers("/login/totp", "/login/totp/**").hasAuthority(PasswordStep.PENDING_SECOND_FACTOR)
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/actuator/**").hasRole(StaffRole.ADMIN.name())
                            // a route no module declared is nobody's: denied, whoever asks
                            .anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error")
                        .successHandler((request, response, authentication) -> response.sendRedirect("/login/totp"))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("ACI_SESSION"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(secondFactorFirst())
                        .authenticationEntryPoint(signInOrNotFound()))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        // the JSON API carries no cookies of ours and accepts only application/json, which a
                        // cross-site form cannot send without a CORS preflight we never allow
                        .ignoringRequestMatchers("/api/**")
                        .ignoringRequestMatchers(new SameSiteTokenFreeForms(tokenFreeForms.orderedStream().toList())))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * An anonymous visitor who asks for a staff page is sent to sign in; one who asks for any other URL
     * that is not open gets the 404 page, as for a page that does not exist (an undeclared route is denied,
     * and a resident who mistyped an address must not land on the staff login). The redirect is relative,
     * never built from the request's Host or X-Forwarded-Host headers.
     */
    private static AuthenticationEntryPoint signInOrNotFound() {
        String login = "/login";
        return (request, response, failure) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/ufficio") || path.startsWith("/ufficio/") || path.startsWith("/login/")
                    || path.startsWith("/actuator")) {
                response.sendRedirect(login);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        };
    }

    /** Someone past the password but not the code, who asks for a staff page, is sent to the code. */
    private static AccessDeniedHandler secondFactorFirst() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current != null && current.getAuthorities().stream()
                    .anyMatch(a -> PasswordStep.PENDING_SECOND_FACTOR.equals(a.getAuthority()))) {
                response.sendRedirect("/login/totp");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

}
