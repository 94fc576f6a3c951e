package it.comune.immigrati.platform;

/**
 * One count that a module offers to the reports ({@link Figures}).
 *
 * @param key       what it counts, a stable key such as questions.received
 * @param dimension what it is broken down by (topic, language, channel), empty for a total
 * @param value     the value of the dimension, empty for a total
 * @param count     how many
 */
public record Figure(String key, String dimension, String value, long count) {
}
