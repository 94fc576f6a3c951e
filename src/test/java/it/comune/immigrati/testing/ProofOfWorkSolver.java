package it.comune.immigrati.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What proof-of-work.js does in the browser, or an API client, done with the ALTCHA library's own solver. */
public final class ProofOfWorkSolver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProofOfWorkSolver() {
    }

    /** The solution of the challenge the question form carries in its data-challenge attribute. */
    public static String fromFormPage(String formPage) {
        String attribute = formPage.substring(formPage.indexOf("data-challenge=\"") + 16);
        return fromChallengeJson(HtmlUtils.htmlUnescape(attribute.substring(0, attribute.indexOf('"'))));
    }

    /** The solution, as the base64 payload the form and the API take, of a challenge in ALTCHA's JSON. */
    public static String fromChallengeJson(String json) {
        try {
            JsonNode challenge = JSON.readTree(json);
            Altcha.Solution solution = Altcha.solveChallenge(challenge.get("challenge").asString(),
                    challenge.get("salt").asString(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
            String payload = JSON.writeValueAsString(Map.of("algorithm", challenge.get("algorithm").asString(),
                    "challenge", challenge.get("challenge").asString(), "number", solution.number,
                    "salt", challenge.get("salt").asString(), "signature", challenge.get("signature").asString()));
            return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("could not solve the challenge " + json, e);
        }
    }
}
