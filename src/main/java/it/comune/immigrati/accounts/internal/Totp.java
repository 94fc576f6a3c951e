package it.comune.immigrati.accounts.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import it.comune.immigrati.platform.AciProperties;
import org.springframework.stereotype.Component;

import static dev.samstevens.totp.util.Utils.getDataUriForImage;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), as every authenticator app reads
 * them. Verification returns the time step that matched, so the caller can refuse a code used before.
 */
@Component
class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
    private final String issuer;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Totp(AciProperties properties) {
        this(properties.security().totpIssuer(), Clock.systemUTC());
    }

    Totp(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    String newSecret() {
        return secrets.generate();
    }

    long currentStep() {
        return clock.millis() / 1000 / PERIOD_SECONDS;
    }

    String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    /** The step whose code matches, allowing one step of clock drift either way. */
    OptionalLong verify(String secret, String code) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replaceAll("\\s", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// URI as a QR code PNG, in a data: URI for an img tag. */
    String qrDataUri(String secret, String account) {
        QrData data = new QrData.Builder().label(account).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
        try {
            return getDataUriForImage(qr.generate(data), qr.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }
}
