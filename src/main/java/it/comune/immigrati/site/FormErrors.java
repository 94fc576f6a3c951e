package it.comune.immigrati.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What was wrong with a submitted form, each message tied to the field it is about (or to none), for
 * the GOV.UK error pattern every form of the site follows: a summary that takes the focus and links to
 * each field, the page title starting "Errore:", and beside each field its own message, pointed at by
 * {@code aria-describedby} with {@code aria-invalid} set ({@code site/field.jte}, {@code site/errors.jte}).
 */
public final class FormErrors {

    /**
     * One message key with its arguments, and the id of the field it is about, or null for the whole form.
     * The arguments tell apart messages about fields that repeat, such as the rooms of a dwelling.
     */
    public record Error(String field, String key, List<Object> args) {

        public Error {
            args = List.copyOf(args);
        }

        public Error(String field, String key) {
            this(field, key, List.of());
        }

        /** The arguments, as a message takes them. */
        public Object[] arguments() {
            return args.toArray();
        }
    }

    private static final FormErrors NONE = new FormErrors(List.of());

    private final List<Error> errors;

    private FormErrors(List<Error> errors) {
        this.errors = List.copyOf(errors);
    }

    public static FormErrors none() {
        return NONE;
    }

    /**
     * Message keys tied to fields by their names: {@code questions.error.text.short} is about the field
     * {@code text} when {@code text} is one of {@code fields}; a key naming none is about the whole form.
     */
    public static FormErrors of(List<String> keys, Set<String> fields) {
        List<Error> errors = new ArrayList<>();
        for (String key : keys) {
            String field = null;
            for (String part : key.split("\\.")) {
                if (fields.contains(part)) {
                    field = part;
                    break;
                }
            }
            errors.add(new Error(field, key));
        }
        return new FormErrors(errors);
    }

    /** Message keys tied to fields by a table (key → field id), for keys that do not name their field. */
    public static FormErrors mapped(List<String> keys, java.util.Map<String, String> fieldByKey) {
        return new FormErrors(keys.stream().map(key -> new Error(fieldByKey.get(key), key)).toList());
    }

    /** Errors already tied to their fields. */
    public static FormErrors listed(List<Error> errors) {
        return errors.isEmpty() ? NONE : new FormErrors(errors);
    }

    public List<Error> all() {
        return errors;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** The messages about one field, in the order found. */
    public List<String> keysOf(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(Error::key).distinct().toList();
    }

    /** The errors about one field, in the order found. */
    public List<Error> errorsOf(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).distinct().toList();
    }

    /** {@code aria-invalid} for a field: "true", or no attribute at all. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /** {@code aria-describedby} for a field: its own error first, then its help text, if any. */
    public String describedBy(String field, String help) {
        String ids = (has(field) ? field + "-error" : "") + (help == null ? "" : " " + help);
        return ids.isBlank() ? null : ids.strip();
    }
}
