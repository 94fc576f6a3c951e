package it.comune.immigrati.questions.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.springframework.stereotype.Component;

/**
 * ALTCHA proof-of-work, self-hosted: every form carries a signed challenge that the browser solves in
 * the background (a second or two of hashing on a cheap phone); the solution is checked here. A person
 * without JavaScript can still ask: an unsolved form just has a smaller hourly allowance per client.
 * Each solution is accepted once.
 */
@Component
class ProofOfWork {

    private static final int REMEMBERED = 50_000;

    private final String hmacKey;
    private final QuestionsProperties settings;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Map<String, Boolean> used = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    ProofOfWork(QuestionsProperties settings, tools.jackson.databind.json.JsonMapper json) {
        this.settings = settings;
        this.json = json;
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
                    .setExpiresInSeconds(3600).setHmacKey(hmacKey));
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
            synchronized (used) {
                return used.putIfAbsent(salt, Boolean.TRUE) == null;
            }
        } catch (Exception e) {
            return false;
        }
    }
}
