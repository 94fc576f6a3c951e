package it.comune.immigrati.questions;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.ProofOfWorkSolver;
import it.comune.immigrati.testing.Residents;
import it.comune.immigrati.testing.WebClient;
import it.comune.immigrati.testing.WebClient.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static it.comune.immigrati.testing.Residents.PNG;
import static it.comune.immigrati.testing.Residents.ask;
import static it.comune.immigrati.testing.Residents.question;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that a flood would otherwise walk around: sub-addresses of one mailbox, the private page's
 * messages and uploads, and a proof-of-work solution spent on another node.
 */
@AciTest
class QuestionLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;


    /** ali+1@… and ALI+2@… are one mailbox: they share its hourly allowance (5 by default). */
    @Test
    void subAddressesOfOneMailboxShareItsAllowance() throws Exception {
        String mailbox = "ali" + System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            String email = (i % 2 == 0 ? mailbox : mailbox.toUpperCase(java.util.Locale.ROOT)) + "+" + i + "@Example.org";
            assertThat(Residents.askThroughApi(http, port, email, Residents.clientAddress("10.16", i),
                    "Una domanda da un sotto-indirizzo.").statusCode()).as(email).isEqualTo(201);
        }
        assertThat(Residents.askThroughApi(http, port, mailbox + "+altro@example.org", Residents.clientAddress("10.16", 9),
                "La sesta domanda dalla stessa casella.").statusCode()).isEqualTo(429);
        assertThat(Residents.askThroughApi(http, port, mailbox + "@example.org", Residents.clientAddress("10.16", 10),
                "La casella stessa, senza etichetta.").statusCode()).isEqualTo(429);
    }

    private String privatePage(WebClient resident) {
        HttpResponse<String> sent = ask(resident, question("privata" + System.nanoTime() + "@example.org", "it",
                "Una domanda da seguire sulla pagina privata."), List.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        return WebClient.location(sent).replace("?inviata", "");
    }

    private HttpResponse<String> addMessage(WebClient resident, String page, int files) {
        List<FilePart> parts = java.util.stream.IntStream.range(0, files)
                .mapToObj(n -> new FilePart("attachments", "foto" + n + ".png", "image/png", PNG)).toList();
        return resident.submitMultipart(page, page + "/messaggio", Map.of("text", "Un altro messaggio per la pratica."), parts);
    }

    @Test
    void thePrivatePageTakesTenMessagesAnHour() {
        WebClient resident = new WebClient(port);
        String page = privatePage(resident);
        for (int i = 0; i < 10; i++) {
            assertThat(addMessage(resident, page, 0).statusCode()).as("message " + i).isEqualTo(302);
        }
        HttpResponse<String> eleventh = addMessage(resident, page, 0);
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("id=\"form-errors\"", "Hai inviato molti messaggi");
        assertThat(jdbc.sql("SELECT count(*) FROM question_message m JOIN question q ON q.id = m.question_id WHERE q.access_token = :t")
                .param("t", page.substring(page.lastIndexOf('/') + 1)).query(Integer.class).single()).isEqualTo(11);
    }

    @Test
    void thePrivatePageTakesTenFilesAnHour() {
        WebClient resident = new WebClient(port);
        String page = privatePage(resident);
        for (int i = 0; i < 3; i++) {
            assertThat(addMessage(resident, page, 3).statusCode()).as("message " + i).isEqualTo(302);
        }
        HttpResponse<String> tooMany = addMessage(resident, page, 3);
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.body()).contains("id=\"form-errors\"", "Hai inviato molti messaggi");
        assertThat(addMessage(resident, page, 1).statusCode()).as("the tenth file").isEqualTo(302);
    }

    private static String solve(String formPage) {
        return ProofOfWorkSolver.fromFormPage(formPage);
    }

    private static String salt(String solution) throws Exception {
        return JsonMapper.builder().build().readTree(new String(Base64.getDecoder().decode(solution), StandardCharsets.UTF_8))
                .get("salt").asString();
    }

    private boolean askedWithProofOfWork(WebClient resident, String solution) {
        String email = "nodo" + System.nanoTime() + "@example.org";
        Map<String, String> fields = question(email, "it", "Una domanda con la prova di lavoro risolta.");
        fields.put("altcha", solution);
        assertThat(ask(resident, fields, List.of()).statusCode()).isEqualTo(302);
        return jdbc.sql("SELECT proof_of_work FROM question WHERE email = :e").param("e", email).query(Boolean.class).single();
    }

    /**
     * A spent solution is written in PostgreSQL, so every node refuses it: one spent here is in the table,
     * and one marked spent in the table (as another node does) is refused here though this node never saw it.
     */
    @Test
    void aSolutionSpentOnAnyNodeIsRefusedOnEveryNode() throws Exception {
        WebClient resident = new WebClient(port);
        String spentHere = solve(resident.get("/quesiti/nuovo").body());
        assertThat(askedWithProofOfWork(resident, spentHere)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM proof_of_work_spent WHERE salt = :s").param("s", salt(spentHere))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(askedWithProofOfWork(resident, spentHere)).as("the same solution again").isFalse();

        WebClient elsewhere = new WebClient(port);
        String spentElsewhere = solve(elsewhere.get("/quesiti/nuovo").body());
        jdbc.sql("INSERT INTO proof_of_work_spent (salt, expires_at) VALUES (:s, now() + interval '1 hour')")
                .param("s", salt(spentElsewhere)).update();
        assertThat(askedWithProofOfWork(elsewhere, spentElsewhere)).as("spent on another node").isFalse();
    }
}
