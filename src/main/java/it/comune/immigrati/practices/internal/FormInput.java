package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import it.comune.immigrati.site.FormErrors;

/**
 * The fields of a calculator's form as typed, read into numbers with a message per field that is wrong.
 * A resident types numbers the way they write them: {@code 12,5} or {@code 12.5}, {@code 7.101,12} or {@code 7,101.12}, in
 * Arabic-Indic or Bengali digits, with a euro sign or spaces; all of those read the same.
 */
final class FormInput {

    static final int MAX_LENGTH = 20;
    private static final Pattern PLAIN = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private final Map<String, String> values;
    private final List<FormErrors.Error> errors = new ArrayList<>();

    FormInput(Map<String, String> values) {
        this.values = values;
    }

    String raw(String field) {
        return values.getOrDefault(field, "").strip();
    }

    boolean checked(String field) {
        return "true".equals(raw(field));
    }

    boolean blank(String field) {
        return raw(field).isEmpty();
    }

    void error(String field, String key, Object... args) {
        errors.add(new FormErrors.Error(field, key, List.of(args)));
    }

    List<FormErrors.Error> errors() {
        return List.copyOf(errors);
    }

    /** A number of at most two decimals up to {@code max}; blank reads as {@code whenBlank} (null: required). */
    BigDecimal number(String field, BigDecimal whenBlank, BigDecimal max, String errorKey, Object... args) {
        if (blank(field)) {
            if (whenBlank == null) {
                error(field, errorKey, args);
            }
            return whenBlank;
        }
        Optional<BigDecimal> value = parse(raw(field)).filter(v -> v.compareTo(max) <= 0);
        if (value.isEmpty()) {
            error(field, errorKey, args);
            return whenBlank == null ? BigDecimal.ZERO : whenBlank;
        }
        return value.get();
    }

    /** A whole number from 0 to {@code max}; blank is 0. */
    int count(String field, int max, String errorKey, Object... args) {
        if (blank(field)) {
            return 0;
        }
        Optional<BigDecimal> value = parse(raw(field)).filter(v -> v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0)
                .filter(v -> v.compareTo(BigDecimal.valueOf(max)) <= 0);
        if (value.isEmpty()) {
            error(field, errorKey, args);
            return 0;
        }
        return value.get().intValueExact();
    }

    /**
     * The number a person meant, or empty. Of the point and the comma the last one is the decimal mark when both
     * appear; one alone is a thousands separator when it repeats or is followed by exactly three digits.
     */
    static Optional<BigDecimal> parse(String typed) {
        if (typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isDigit(c)) {
                plain.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '.' || c == ',' || c == '\u066B' || c == '\u066C') {
                plain.append(c == '\u066B' ? '.' : c == '\u066C' ? '\'' : c);
            } else if (c == '\'' || c == '\u2019') {
                plain.append('\'');
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '€') {
                return Optional.empty();
            }
        }
        String text = plain.toString().replace("'", "");
        int dot = text.lastIndexOf('.');
        int comma = text.lastIndexOf(',');
        char decimal;
        char grouping;
        if (dot >= 0 && comma >= 0) {
            decimal = dot > comma ? '.' : ',';
            grouping = decimal == '.' ? ',' : '.';
        } else if (dot >= 0 || comma >= 0) {
            char mark = dot >= 0 ? '.' : ',';
            int last = text.lastIndexOf(mark);
            boolean groups = text.indexOf(mark) != last || text.length() - last - 1 == 3;
            decimal = groups ? 0 : mark;
            grouping = groups ? mark : 0;
        } else {
            decimal = 0;
            grouping = 0;
        }
        int point = decimal == 0 ? -1 : text.indexOf(decimal);
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : "." + text.substring(point + 1);
        if (grouping != 0) {
            // thousands come in threes: 1.200.000, never 12,345,6
            if (!whole.matches("\\d{1,3}(" + java.util.regex.Pattern.quote(String.valueOf(grouping)) + "\\d{3})+")) {
                return Optional.empty();
            }
            whole = whole.replace(String.valueOf(grouping), "");
        }
        text = whole + fraction;
        return PLAIN.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
