package it.comune.immigrati.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void aKeyTakesItsAllowanceAndNoMoreWhileOthersKeepTheirs() {
        RateLimit limit = RateLimit.perHour(3);
        assertThat(limit.tryTake("a", 2)).isTrue();
        assertThat(limit.has("a", 2)).isFalse();
        assertThat(limit.tryTake("a", 2)).as("all or nothing").isFalse();
        assertThat(limit.tryTake("a", 1)).isTrue();
        assertThat(limit.exhausted("a")).isTrue();
        assertThat(limit.exhausted("b")).isFalse();
        assertThat(limit.has("b", 4)).as("more than the allowance, never").isFalse();
    }

    @Test
    void failuresCountUntilTheClientIsRefused() {
        RateLimit failures = RateLimit.of(2, Duration.ofMinutes(15));
        failures.take("client");
        assertThat(failures.exhausted("client")).isFalse();
        failures.take("client");
        failures.take("client");
        assertThat(failures.exhausted("client")).isTrue();
    }

    @Test
    void twoAllowancesAreTakenTogetherOrNotAtAll() {
        RateLimit clients = RateLimit.perHour(5);
        RateLimit mailboxes = RateLimit.perHour(1);
        assertThat(RateLimit.tryTakeBoth(clients, "10.0.0.1", mailboxes, "ana@example.org")).isTrue();
        assertThat(RateLimit.tryTakeBoth(clients, "10.0.0.1", mailboxes, "ana@example.org")).isFalse();
        assertThat(clients.has("10.0.0.1", 4)).as("the refused one took nothing from the client").isTrue();
    }

    @Test
    void aLimitNeedsAPositiveCountAndPeriod() {
        assertThatThrownBy(() -> RateLimit.perHour(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
