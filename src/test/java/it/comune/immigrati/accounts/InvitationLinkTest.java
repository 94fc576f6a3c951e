package it.comune.immigrati.accounts;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An invitation link sets a password once, however many requests bring it at the same moment. */
@AciTest
class InvitationLinkTest {

    private static final String PASSWORD = "una frase lunga e sicura";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixRequestsAtOnceWithTheSameLinkSetThePasswordOnce() throws Exception {
        String username = "invitato" + System.nanoTime() % 1_000_000;
        String link = "/invito/" + invite(username);
        int requests = 6;
        List<WebClient> clients = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            WebClient client = new WebClient(port);
            tokens.add(WebClient.csrf(client.get(link).body())); // six browsers with the form open
            clients.add(client);
        }
        CyclicBarrier together = new CyclicBarrier(requests);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            for (int i = 0; i < requests; i++) {
                WebClient client = clients.get(i);
                String csrf = tokens.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return client.post(link, Map.of("password", PASSWORD, "confirm", PASSWORD, "_csrf", csrf));
                }, threads));
            }
        } finally {
            threads.shutdown();
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("one success, the others find the link used").containsOnlyOnce(302)
                .filteredOn(status -> status != 302).containsOnly(404);
        assertThat(answers.stream().map(CompletableFuture::join).filter(a -> a.statusCode() == 302)
                .map(WebClient::location)).containsExactly("/login?invited");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'account.password-set' AND record_id = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedPasswordDoesNotUseTheLink() {
        String username = "invitata" + System.nanoTime() % 1_000_000;
        String link = "/invito/" + invite(username);
        WebClient colleague = new WebClient(port);
        assertThat(colleague.submit(link, link, Map.of("password", "corta", "confirm", "corta")).statusCode())
                .isEqualTo(422);
        for (String guessable : new String[] { "password1234", "qwertyuiop123", "Saronno2026!!" }) {
            HttpResponse<String> weak = colleague.submit(link, link, Map.of("password", guessable, "confirm", guessable));
            assertThat(weak.statusCode()).as(guessable).isEqualTo(422);
            assertThat(weak.body()).as(guessable).contains("troppo facile da indovinare");
        }
        HttpResponse<String> set = colleague.submit(link, link, Map.of("password", PASSWORD, "confirm", PASSWORD));
        assertThat(WebClient.location(set)).isEqualTo("/login?invited");
        assertThat(colleague.get(link).statusCode()).isEqualTo(404);
    }

    /** An invited account and its link, as Invitations stores them (only the token's SHA-256). */
    private String invite(String username) {
        long id = jdbc.sql("""
                INSERT INTO staff_user (username, display_name, email, roles, languages)
                VALUES (:u, 'Invitato di prova', :e, '{OPERATOR}', '{it}') RETURNING id
                """).param("u", username).param("e", username + "@test.local").query(Long.class).single();
        String token = Secrets.linkToken();
        jdbc.sql("INSERT INTO staff_invitation (token_hash, user_id, expires_at) VALUES (:h, :id, now() + interval '1 day')")
                .param("h", Secrets.sha256(token.getBytes(StandardCharsets.US_ASCII))).param("id", id).update();
        return token;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
