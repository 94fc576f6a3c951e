package it.comune.immigrati.guides.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.guides.internal.GuideRecords.Source;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.site.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One guide in one language as a Markdown file with a YAML front matter block (the format described in
 * {@code content/guides/README.md}).
 */
record GuideFile(String slug, Language language, String topic, List<String> situations, LocalDate reviewBy,
        Text text, boolean unreviewed) {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A file that does not follow the format; the message says what is wrong, for the importer's report. */
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    static GuideFile parse(String content) throws FormatException {
        Matcher matcher = FRONT_MATTER.matcher(content);
        if (!matcher.matches()) {
            throw new FormatException("no front matter block between --- lines at the start");
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(matcher.group(1));
        } catch (RuntimeException e) {
            throw new FormatException("front matter is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(loaded instanceof Map<?, ?> fields)) {
            throw new FormatException("front matter is not a set of fields");
        }
        String slug = required(fields, "slug");
        if (!SLUG.matcher(slug).matches() || slug.length() > 100) {
            throw new FormatException("slug '" + slug + "' must be lower-case words joined by hyphens");
        }
        String code = required(fields, "language");
        Language language = Language.byCode(code).orElseThrow(() -> new FormatException("unknown language '" + code + "'"));
        String title = required(fields, "title");
        if (title.length() > 200) {
            throw new FormatException("title longer than 200 characters");
        }
        String summary = fields.get("summary") == null ? "" : String.valueOf(fields.get("summary")).strip();
        List<Source> sources = new ArrayList<>();
        if (fields.get("sources") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> source) || source.get("title") == null || source.get("url") == null) {
                    throw new FormatException("every source needs a title and a url");
                }
                String url = String.valueOf(source.get("url")).strip();
                if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    throw new FormatException("source url '" + url + "' is not a web address");
                }
                sources.add(new Source(String.valueOf(source.get("title")).strip(), url, date(source.get("checked"))));
            }
        }
        List<String> situations = new ArrayList<>();
        if (fields.get("situations") instanceof List<?> list) {
            for (Object item : list) {
                String situation = String.valueOf(item).strip();
                if (!GuideRecords.SITUATIONS.contains(situation)) {
                    throw new FormatException("unknown situation '" + situation + "'; use " + GuideRecords.SITUATIONS);
                }
                situations.add(situation);
            }
        }
        String body = matcher.group(2).strip();
        if (body.length() > 100_000) {
            throw new FormatException("text longer than 100,000 characters");
        }
        // a translation says whether anyone checked it; one that does not say is treated as unchecked
        String provenance = fields.get("provenance") == null ? null : String.valueOf(fields.get("provenance")).strip();
        if (provenance != null && !provenance.equals("unreviewed") && !provenance.equals("reviewed")) {
            throw new FormatException("provenance '" + provenance + "' must be 'reviewed' or 'unreviewed'");
        }
        boolean unreviewed = language != Language.DEFAULT && !"reviewed".equals(provenance);
        return new GuideFile(slug, language, fields.get("topic") == null ? null : String.valueOf(fields.get("topic")).strip(),
                situations, date(fields.get("review_by")), new Text(title, summary, body, List.copyOf(sources)), unreviewed);
    }

    private static String required(Map<?, ?> fields, String name) throws FormatException {
        Object value = fields.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new FormatException("'" + name + "' is missing");
        }
        return String.valueOf(value).strip();
    }

    private static LocalDate date(Object value) throws FormatException {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        if (value instanceof Date date) { // YAML reads 2027-05-31 as a timestamp at midnight UTC
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new FormatException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
