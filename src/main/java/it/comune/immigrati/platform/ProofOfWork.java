package it.comune.immigrati.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * ALTCHA proof-of-work, self-hosted: every form carries a signed challenge that the browser solves in
 * the background (a second or two of hashing on a cheap phone); the solution is checked here. A person
 * without JavaScript can still ask: an unsolved form just has a smaller hourly allowance per client.
 * Each solution is accepted once, on whichever node, whichever form: the spent ones are kept in
 * PostgreSQL. Every public form that a bot would flood (questions, appointment holds) uses this one, and
 * gives a solved form its normal allowance and an unsolved one a small one.
 */
@Component
public class ProofOfWork {

    /** How long a challenge may be solved; a spent solution is remembered as long. */
    private static final int VALID_SECONDS = 3600;

    private final String hmacKey;
    private final long maxNumber;
    private final tools.jackson.databind.json.JsonMapper json;
    private final JdbcClient jdbc;

    ProofOfWork(AciProperties aci, Environment environment, tools.jackson.databind.json.JsonMapper json, JdbcClient jdbc) {
        this.json = json;
        this.jdbc = jdbc;
        this.maxNumber = aci.security().proofOfWorkMaxNumber();
        // a key set in configuration lets any node verify a challenge another node issued; the key's
        // name before it was shared by every form is still read, so an upgrade keeps its nodes agreeing
        String key = aci.security().proofOfWorkKey();
        if (key == null || key.isBlank()) {
            key = environment.getProperty("aci.questions.proof-of-work-key");
        }
        this.hmacKey = key == null || key.isBlank() ? Base64.getEncoder().encodeToString(Altcha.randomBytes(32)) : key;
    }

    /** A fresh challenge, as the JSON the page script reads (a form's data-challenge, an API's answer). */
    public String challenge() {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256).setMaxNumber(maxNumber)
                    .setExpiresInSeconds(VALID_SECONDS).setHmacKey(hmacKey));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("algorithm", challenge.algorithm);
            fields.put("challenge", challenge.challenge);
            fields.put("maxnumber", challenge.maxnumber);
            fields.put("salt", challenge.salt);
            fields.put("signature", challenge.signature);
            return json.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a proof-of-work challenge", e);
        }
    }

    /** Whether {@code payload} (base64 JSON) solves a challenge we issued, unexpired and not used before. */
    public boolean verify(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 2000) {
            return false;
        }
        try {
            if (!Altcha.verifySolution(payload, hmacKey, true)) {
                return false;
            }
            String salt = json.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                    .get("salt").asString();
            // spent in PostgreSQL, not in this node's memory: the first node to insert the salt wins
            return jdbc.sql("""
                    INSERT INTO proof_of_work_spent (salt, expires_at)
                    VALUES (:salt, now() + make_interval(secs => :valid))
                    ON CONFLICT (salt) DO NOTHING
                    """).param("salt", salt).param("valid", (double) VALID_SECONDS).update() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    /** Forgets spent solutions whose challenges have expired (any node may do it: deleting twice is harmless). */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetExpired() {
        jdbc.sql("DELETE FROM proof_of_work_spent WHERE expires_at < now()").update();
    }
}
