package it.comune.immigrati.questions.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's code as residents and staff read it: Q, the year it was asked, its number in six digits
 * (Q-2026-000123). The one place that knows its shape: made here, read here from what someone typed or
 * from a mail's subject and marker.
 */
public record QuestionCode(int year, long number) {

    /** The shape as a regular expression, to be part of a longer one (a mail's marker). */
    public static final String REGEX = "Q-\\d{4}-\\d{6}";
    /** The shape for an HTML input's pattern attribute, which also takes a lower-case q. */
    public static final String HTML_PATTERN = "[Qq]-\\d{4}-\\d{6}";

    private static final Pattern EXACT = Pattern.compile("Q-(\\d{4})-(\\d{6})");
    private static final Pattern IN_TEXT = Pattern.compile("\\b(" + REGEX + ")\\b");

    public QuestionCode {
        if (year < 1000 || year > 9999 || number < 0) {
            throw new IllegalArgumentException("not a question code: " + year + "/" + number);
        }
    }

    /** What someone typed or a link carried: any case, spaces around it ignored. */
    public static Optional<QuestionCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher code = EXACT.matcher(text.strip().toUpperCase(Locale.ROOT));
        return code.matches() ? Optional.of(new QuestionCode(Integer.parseInt(code.group(1)), Long.parseLong(code.group(2))))
                : Optional.empty();
    }

    public static boolean valid(String text) {
        return parse(text).isPresent();
    }

    /** The first code written in a text (a mail's subject), as written there. */
    public static Optional<QuestionCode> findIn(String text) {
        Matcher code = IN_TEXT.matcher(text == null ? "" : text);
        return code.find() ? parse(code.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Q-" + year + "-" + String.format(Locale.ROOT, "%06d", number);
    }
}
