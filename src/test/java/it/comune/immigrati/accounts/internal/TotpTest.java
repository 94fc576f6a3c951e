package it.comune.immigrati.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    private static final String RFC_6238_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890" in Base32

    private Totp at(long epochSecond) {
        return new Totp("ACI", Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void matchesTheRfc6238TestVectors() {
        // RFC 6238 appendix B, SHA-1, last six digits
        assertThat(at(59).codeAt(RFC_6238_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(at(1111111109).codeAt(RFC_6238_SECRET, 1111111109 / 30)).isEqualTo("081804");
        assertThat(at(1234567890).codeAt(RFC_6238_SECRET, 1234567890 / 30)).isEqualTo("005924");
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDriftOnly() {
        Totp totp = at(1234567890);
        long now = 1234567890 / 30;
        assertThat(totp.verify(RFC_6238_SECRET, totp.codeAt(RFC_6238_SECRET, now))).hasValue(now);
        assertThat(totp.verify(RFC_6238_SECRET, totp.codeAt(RFC_6238_SECRET, now - 1))).hasValue(now - 1);
        assertThat(totp.verify(RFC_6238_SECRET, totp.codeAt(RFC_6238_SECRET, now + 1))).hasValue(now + 1);
        assertThat(totp.verify(RFC_6238_SECRET, totp.codeAt(RFC_6238_SECRET, now - 2))).isEmpty();
        assertThat(totp.verify(RFC_6238_SECRET, totp.codeAt(RFC_6238_SECRET, now + 2))).isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Totp totp = at(1234567890);
        assertThat(totp.verify(RFC_6238_SECRET, null)).isEmpty();
        assertThat(totp.verify(RFC_6238_SECRET, "")).isEmpty();
        assertThat(totp.verify(RFC_6238_SECRET, "00592")).isEmpty();
        assertThat(totp.verify(RFC_6238_SECRET, "abcdef")).isEmpty();
        assertThat(totp.verify(RFC_6238_SECRET, "005 924")).isPresent();
    }

    @Test
    void drawsAQrCodeForAuthenticatorApps() {
        assertThat(at(0).qrDataUri(RFC_6238_SECRET, "admin")).startsWith("data:image/png;base64,");
        assertThat(at(0).newSecret()).matches("[A-Z2-7]{32}");
    }
}
