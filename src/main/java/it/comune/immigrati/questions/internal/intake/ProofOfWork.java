package it.comune.immigrati.questions.internal.intake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import it.comune.immigrati.questions.internal.QuestionsProperties;
import org.altcha.altcha.Altcha;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * ALTCHA proof-of-work, self-hosted: every form carries a signed challenge that the browser solves in
 * the background (a second or two of hashing on a cheap phone); the solution is checked here. A person
 * without JavaScript can still ask: an unsolved form just has a smaller hourly allowance per client.
 * Each solution is accepted once, on whichever node: the spent ones are kept in PostgreSQL.
 */
@Component
class ProofOfWork {

    /** How long a challenge may be solved; a spent solution is remembered as long. */
    private static final int VALID_SECONDS = 3600;

    private final String hmacKey;
    private final QuestionsProperties settings;
    private final tools.jackson.databind.json.JsonMapper json;
    private final JdbcClient jdbc;

    ProofOfWork(QuestionsProperties settings, tools.jackson.databind.json.JsonMapper json, JdbcClient jdbc) {
        this.settings = settings;
        this.json = json;
        this.jdbc = jdbc;
        // a key set in configuration lets any node verify a challenge another node issued
        this.hmacKey = settings.proofOfWorkKey() == null || settings.proofOfWorkKey().isBlank()
                ? Base64.getEncoder().encodeToString(Altcha.randomBytes(32))
                : settings.proofOfWorkKey();
    }

    /** A fresh challenge, as the JSON the page script reads. */
    String challenge() {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256).setMaxNumber(settings.proofOfWorkMaxNumber())
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
    boolean verify(String payload) {
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
                    INSERT INTO question_proof_of_work_spent (salt, expires_at)
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
        jdbc.sql("DELETE FROM question_proof_of_work_spent WHERE expires_at < now()").update();
    }
}
