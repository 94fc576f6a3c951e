package it.comune.immigrati.questions;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ProofOfWorkSolver;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ALTCHA proof of work on the form: solved as the page script solves it, it keeps the normal
 * allowance; unsolved (no JavaScript), a client gets a few questions an hour; a solution works once.
 */
@AciTest
class ProofOfWorkTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;


    private static String solve(String formPage) {
        return ProofOfWorkSolver.fromFormPage(formPage);
    }

    private HttpResponse<String> askFrom(WebClient client, String altcha) {
        Map<String, String> fields = question("pow" + System.nanoTime() + "@example.org", "it", "Una domanda per provare la prova di lavoro.");
        fields.put("altcha", altcha);
        return ask(client, fields, List.of());
    }

    @Test
    void withoutJavaScriptAClientStillAsksButOnlyAFewTimesAnHour() {
        WebClient noScript = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(askFrom(noScript, "").statusCode()).isEqualTo(302);
        }
        HttpResponse<String> fourth = askFrom(noScript, "");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("id=\"form-errors\"");
    }

    @Test
    void aSolvedChallengeKeepsTheNormalAllowanceOnce() throws Exception {
        WebClient browser = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            String solution = solve(browser.get("/quesiti/nuovo").body());
            HttpResponse<String> sent = askFrom(browser, solution);
            assertThat(sent.statusCode()).as("submission " + i).isEqualTo(302);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE proof_of_work AND email LIKE 'pow%'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(5);

        WebClient replay = new WebClient(port);
        String once = solve(replay.get("/quesiti/nuovo").body());
        assertThat(askFrom(replay, once).statusCode()).isEqualTo(302);
        for (int i = 0; i < 3; i++) {
            askFrom(replay, once);
        }
        assertThat(askFrom(replay, once).statusCode()).as("a reused solution counts as none").isEqualTo(429);
        assertThat(askFrom(replay, "bm90IGEgc29sdXRpb24=").statusCode()).isEqualTo(429);
    }
}
