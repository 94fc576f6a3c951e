package it.comune.immigrati.search.internal;

import java.time.Instant;

/** A search that found nothing: in which language, what, how many times, and when last. */
public record Miss(String language, String query, int misses, Instant lastAt) {
}
