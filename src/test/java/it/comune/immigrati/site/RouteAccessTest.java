package it.comune.immigrati.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the application against every kind of visitor, compared with the expected-access table
 * {@code access-table.tsv} (anonymous visitors and each staff role). A route that is not in the table fails the test, so that nobody adds a page
 * without deciding who may see it. Each route is requested with GET: the security filter decides before
 * the method is looked at, so a POST-only route answers 405 to whoever may reach it and the login page
 * (anonymous) or 403 (staff) to whoever may not.
 */
@AciTest
class RouteAccessTest {

    private static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "OPERATOR", "MEDIATOR", "EDITOR");
    private static final String ANONYMOUS = "anonymous";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void everyRouteAnswersEachRoleAsTheAccessTableSays() throws IOException {
        Map<String, Set<String>> expected = table();
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> routes.addAll(info.getPatternValues()));

        Map<String, WebClient> visitors = new LinkedHashMap<>();
        visitors.put(ANONYMOUS, new WebClient(port));
        for (String role : ROLES) {
            WebClient client = new WebClient(port);
            TestStaff.login(client, TestStaff.create(jdbc, passwords, role));
            visitors.put(role, client);
        }
        Map<String, Set<String>> observed = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String path = route.replaceAll("\\{[^}]+}", "x1").replace("/**", "/x1");
            Set<String> allowed = new TreeSet<>();
            for (Map.Entry<String, WebClient> visitor : visitors.entrySet()) {
                HttpResponse<String> response = visitor.getValue().get(path);
                boolean toLogin = response.statusCode() / 100 == 3
                        && response.headers().firstValue("Location").orElse("").matches(".*/login(\\?.*)?$");
                boolean refused = toLogin || response.statusCode() == 401 || response.statusCode() == 403;
                if (!refused) {
                    allowed.add(visitor.getKey());
                }
                if (response.statusCode() >= 500 && !route.equals("/error")) { // /error called directly says 500
                    wrong.add(route + " as " + visitor.getKey() + ": server error " + response.statusCode());
                }
                boolean shouldBeAllowed = expected.getOrDefault(route, Set.of()).contains(visitor.getKey());
                if (shouldBeAllowed == refused) {
                    wrong.add(route + " as " + visitor.getKey() + ": " + response.statusCode()
                            + (shouldBeAllowed ? " (should be allowed)" : " (should be refused)"));
                }
            }
            observed.put(route, allowed);
        }
        StringBuilder table = new StringBuilder();
        observed.forEach((route, allowed) -> table.append(route).append('\t').append(describe(allowed)).append('\n'));
        assertThat(routes).as("routes missing from access-table.tsv (decide who may reach them); observed:\n" + table)
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("rows of access-table.tsv that are no route any more").isSubsetOf(routes);
        assertThat(wrong).as("access differs from the table; observed:\n" + table).isEmpty();
    }

    /**
     * Every state-changing route refuses a form without the CSRF token, even from someone allowed to use it.
     * The JSON API is the exception by design: it takes only JSON, which a cross-site form cannot send.
     */
    @Test
    void everyStateChangingRouteNeedsTheCsrfToken() throws IOException {
        Map<String, Set<String>> expected = table();
        Map<String, WebClient> visitors = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().keySet()) {
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = entry.getMethodsCondition().getMethods();
            if (!methods.contains(org.springframework.web.bind.annotation.RequestMethod.POST)) {
                continue;
            }
            for (String route : entry.getPatternValues()) {
                if (route.startsWith("/api/")) {
                    continue;
                }
                String who = expected.getOrDefault(route, Set.of()).stream().findFirst().orElse(null);
                if (who == null) {
                    continue; // nobody may post here anyway (the other test covers it)
                }
                WebClient client = visitors.computeIfAbsent(who, role -> {
                    WebClient fresh = new WebClient(port);
                    if (!role.equals(ANONYMOUS)) {
                        TestStaff.login(fresh, TestStaff.create(jdbc, passwords, role));
                    }
                    return fresh;
                });
                HttpResponse<String> response = client.post(route.replaceAll("\\{[^}]+}", "x1"), Map.of("a", "b"));
                checked++;
                if (response.statusCode() != 403) {
                    accepted.add(route + " as " + who + ": " + response.statusCode());
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(accepted).as("state-changing routes that took a form without CSRF token").isEmpty();
    }

    /** {@code anyone}, {@code staff} or the roles, as the table writes them. */
    private static String describe(Set<String> allowed) {
        if (allowed.contains(ANONYMOUS)) {
            return "anyone";
        }
        if (allowed.isEmpty()) {
            return "none";
        }
        return allowed.containsAll(ROLES) ? "staff" : String.join(" ", allowed);
    }

    /** The table: a route pattern, a tab, then {@code anyone}, {@code staff} or the roles allowed. */
    private static Map<String, Set<String>> table() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        try (InputStream in = RouteAccessTest.class.getResourceAsStream("/access-table.tsv")) {
            assertThat(in).as("access-table.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                Set<String> who = new TreeSet<>();
                switch (parts[1].strip()) {
                    case "anyone" -> {
                        who.add(ANONYMOUS);
                        who.addAll(ROLES);
                    }
                    case "staff" -> who.addAll(ROLES);
                    case "none" -> {
                        // reached only in a state no visitor here is in (half signed in)
                    }
                    default -> who.addAll(List.of(parts[1].strip().split(" ")));
                }
                table.put(parts[0].strip(), who);
            }
        }
        return table;
    }
}
