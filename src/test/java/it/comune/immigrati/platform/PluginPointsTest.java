package it.comune.immigrati.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import it.comune.immigrati.site.NavigationItem;
import it.comune.immigrati.site.Route;
import it.comune.immigrati.site.StaffCount;
import it.comune.immigrati.site.StaffNotice;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new module plugs in by declaring beans, and nothing else: this test adds a small module (a leaflet
 * library) made only of beans (it borrows existing message keys: a real module brings its own bundle) and finds it in the menus, the page cache, the access rules, the staff
 * home and the privacy requests. A route it forgot to declare is denied.
 */
@AciTest
@Import(PluginPointsTest.LeafletModule.class)
class PluginPointsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    LeafletModule module;

    @Autowired
    PrivacyRequests privacy;

    @TestConfiguration(proxyBeanMethods = false)
    static class LeafletModule {

        final AtomicInteger rendered = new AtomicInteger();
        final Map<String, String> leafletsByEmail = new java.util.concurrent.ConcurrentHashMap<>();

        /** Its pages, as functional routes (a scanned controller would join every other test's context). */
        @Bean
        RouterFunction<ServerResponse> leafletPages() {
            return RouterFunctions.route()
                    .GET("/volantini", request -> {
                        rendered.incrementAndGet();
                        return html("<!doctype html><title>Volantini</title><p>Volantini</p>");
                    })
                    .GET("/ufficio/volantini", request -> html("<!doctype html><title>Gestione</title><p>Gestione</p>"))
                    // no route names this one
                    .GET("/volantini-segreti", request -> html("<!doctype html><p>segreto</p>"))
                    .build();
        }

        private static ServerResponse html(String page) {
            return ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page);
        }

        @Bean
        Route leaflets() {
            return Route.open("/volantini").cached().inMainMenu("nav.faq", "/volantini", 95);
        }

        @Bean
        Route leafletEditing() {
            return Route.staff("/ufficio/volantini/**", "EDITOR")
                    .inStaffMenu("nav.staff.pages", "/ufficio/volantini", 99, NavigationItem.GROUP_CONTENT);
        }

        @Bean
        StaffNotice leafletsToCheck() {
            return roles -> roles.contains("EDITOR")
                    ? List.of(new StaffNotice.Item("guides.notice.review", List.of(7), "/volantini-da-rivedere"))
                    : List.of();
        }

        @Bean
        Topic leafletTopic() {
            return new Topic("volantini", 50);
        }

        @Bean
        StaffCount leafletsToPrint() {
            return new StaffCount() {
                @Override
                public String path() {
                    return "/ufficio/volantini";
                }

                @Override
                public Optional<Item> countFor(Set<String> roles) {
                    return Optional.of(new Item("guides.count.in-review", 4));
                }
            };
        }

        @Bean
        PersonalData leafletRequests() {
            return new PersonalData() {
                @Override
                public String section() {
                    return "leaflets";
                }

                @Override
                public List<Held> held(String email) {
                    return List.of(new Held("questions.privacy.held", leafletsByEmail.containsKey(email) ? 1 : 0));
                }

                @Override
                public Object export(String email) {
                    return leafletsByEmail.getOrDefault(email, "");
                }

                @Override
                public int erase(String email) {
                    return leafletsByEmail.remove(email) == null ? 0 : 1;
                }
            };
        }
    }

    @Test
    void anOpenRouteIsReachableInTheMainMenuAndCached() {
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/").body()).contains("href=\"/volantini\"");
        int before = module.rendered.get();
        assertThat(visitor.get("/volantini").statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).get("/volantini").statusCode()).isEqualTo(200);
        assertThat(module.rendered.get() - before).as("the second visitor got the kept page").isEqualTo(1);
    }

    @Test
    void aStaffRouteIsForItsRolesAndInTheirStaffMenuWithItsNotice() {
        WebClient editor = new WebClient(port);
        TestStaff.login(editor, TestStaff.create(jdbc, passwords, "EDITOR"));
        String home = editor.get("/ufficio").body();
        assertThat(home).contains("href=\"/ufficio/volantini\"", "7 guide hanno superato", "/volantini-da-rivedere",
                "4 in revisione");
        assertThat(editor.get("/ufficio/volantini").statusCode()).isEqualTo(200);

        WebClient operator = new WebClient(port);
        TestStaff.login(operator, TestStaff.create(jdbc, passwords, "OPERATOR"));
        assertThat(operator.get("/ufficio").body()).doesNotContain("/ufficio/volantini", "/volantini-da-rivedere");
        assertThat(operator.get("/ufficio/volantini").statusCode()).isEqualTo(403);
        assertThat(WebClient.location(new WebClient(port).get("/ufficio/volantini"))).isEqualTo("/login");
    }

    @Test
    void aTopicItDeclaresIsOfferedAfterTheComunesOwn() {
        String search = new WebClient(port).get("/cerca").body();
        assertThat(search).contains("<option value=\"volantini\"");
        assertThat(search.indexOf("value=\"volantini\"")).as("after the configured ones")
                .isGreaterThan(search.indexOf("value=\"altro\""));
        assertThat(new WebClient(port).get("/quesiti/nuovo").body()).contains("value=\"volantini\"");
    }

    @Test
    void aRouteNobodyDeclaredIsDeniedToEveryone() {
        HttpResponse<String> anonymous = new WebClient(port).get("/volantini-segreti");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).doesNotContain("segreto");
        WebClient admin = new WebClient(port);
        TestStaff.login(admin, TestStaff.create(jdbc, passwords, "ADMIN", "SUPERVISOR", "EDITOR", "OPERATOR", "MEDIATOR"));
        assertThat(admin.get("/volantini-segreti").statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).get("/v3/api-docs.yaml", "Accept", "*/*").statusCode()).as("declared by the platform").isEqualTo(200);
    }

    @Test
    void privacyRequestsReachTheModulesPersonalData() {
        String email = "volantino" + System.nanoTime() + "@example.org";
        module.leafletsByEmail.put(email, "Volantino per la festa del quartiere");
        assertThat(privacy.held(email)).containsKey("leaflets");
        assertThat(privacy.export(email, "test")).containsEntry("leaflets", "Volantino per la festa del quartiere");
        assertThat(privacy.erase(email, "test")).containsEntry("leaflets", 1);
        assertThat(module.leafletsByEmail).doesNotContainKey(email);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND record_id = :r")
                .param("r", PrivacyRequests.reference(email)).query(Integer.class).single()).isEqualTo(1);
    }
}
