package it.comune.immigrati.guides.internal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guides' settings, under {@code aci.guides}.
 *
 * @param reviewInterval how long after a review a guide must be checked again
 * @param fourEyes       whether the author of a text may not approve it themselves
 */
@ConfigurationProperties("aci.guides")
record GuidesProperties(@DefaultValue("P12M") Period reviewInterval, @DefaultValue("true") boolean fourEyes) {
}
