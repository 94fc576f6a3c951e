package it.comune.immigrati.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The office's opening hours in the visitor's language. Configured without words of any language
 * ({@code aci.comune.opening-hours=MON 09:00-12:30, WED 14:30-17:30, THU 09:00-12:30}), so that day names
 * come from each language's calendar; days with the same hours are shown together. A value that is not
 * in that form (a Comune's own sentence) is shown as written, marked as Italian.
 */
public final class OpeningHours {

    private static final Pattern SLOT = Pattern.compile("\\s*(MON|TUE|WED|THU|FRI|SAT|SUN)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    /** The hours as shown; {@code localized} false when the configured text was shown as written. */
    public record Shown(String text, boolean localized) {
    }

    /** One opening of the week: a day and its hours. */
    public record Slot(DayOfWeek day, LocalTime from, LocalTime to) {
    }

    /** The configured hours as openings of the week; empty when the text is not in the structured form. */
    public static List<Slot> slots(String configured) {
        return List.copyOf(parse(configured));
    }

    /**
     * A range of hours reads left to right and never breaks across lines, also inside Arabic text (it came
     * out as "14:30–" at the end of one line and "17:30" on the next): isolated (LRI … PDI), word joiners
     * around the dash.
     */
    static final String RANGE_START = "\u2066";
    static final String RANGE_END = "\u2069";
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("H:mm");

    private OpeningHours() {
    }

    public static Shown in(String configured, Locale locale) {
        List<Slot> slots = parse(configured);
        if (slots.isEmpty()) {
            return new Shown(configured == null ? "" : configured, false);
        }
        // hours → the days that have them, in the order of the week
        Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
        slots.stream().sorted((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.from().compareTo(b.from()))
                .forEach(s -> byHours.computeIfAbsent(RANGE_START + s.from().format(TIME) + "\u2060–\u2060" + s.to().format(TIME) + RANGE_END, k -> new ArrayList<>())
                        .add(s.day()));
        List<String> parts = new ArrayList<>();
        byHours.forEach((hours, days) -> parts.add(String.join(", ",
                days.stream().distinct().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList()) + " " + hours));
        return new Shown(String.join(" · ", parts), true);
    }

    private static List<Slot> parse(String configured) {
        List<Slot> slots = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            return slots;
        }
        for (String part : configured.split("[,;]")) {
            Matcher slot = SLOT.matcher(part);
            if (!slot.matches()) {
                return List.of(); // not the structured form: the caller shows the text as written
            }
            slots.add(new Slot(DAYS.get(slot.group(1).toUpperCase(Locale.ROOT)), time(slot.group(2)), time(slot.group(3))));
        }
        return slots;
    }

    private static LocalTime time(String text) {
        String[] parts = text.split(":");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
