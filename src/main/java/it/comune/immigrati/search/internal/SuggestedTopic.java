package it.comune.immigrati.search.internal;

import java.util.List;

import it.comune.immigrati.search.Search;

/** A topic a search that found nothing seems to be about ({@link TopicGuess}), with its guides (in Italian when not translated). */
public record SuggestedTopic(String topic, List<Search.Hit> guides) {
}
