package it.comune.immigrati.platform;

/**
 * A topic a module adds to the ones the Comune configures ({@code aci.topics}): courses may bring
 * {@code formazione}. Its label is the message {@code topic.<code>} in the declaring module's bundle.
 *
 * @param code  a stable code, lower case with hyphens
 * @param order position after the configured topics, lower first
 */
public record Topic(String code, int order) {
}
