package it.comune.immigrati.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module tells the office's reports and the open data, so that {@code reports} never reads
 * another module's tables. A module declares a bean of this type; each figure is a count over a period,
 * broken down by one dimension (topic, language, channel...). Counts are of records, never of people,
 * and carry no personal data; small counts are suppressed where they are published, not here.
 */
public interface Figures {

    /** The module's name in reports and dataset names, e.g. {@code questions}. */
    String section();

    /** The figures of the days from {@code from} (included) to {@code to} (excluded), in the office time zone. */
    List<Figure> between(LocalDate from, LocalDate to);
}
