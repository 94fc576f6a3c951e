package it.comune.immigrati.practices.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The credits of the integration agreement (accordo di integrazione, art. 4-bis TUI and D.P.R. 179/2011)
 * at its two-year check: 16 given at signature, lost but one if the free civic-education session was
 * missed, plus those for Italian, civic knowledge, courses and school years, as the regulation's table
 * sets them. Credits lost for offences or fines are known to the Prefettura, not to the Comune: the resident
 * may enter those a notice told them of.
 */
public final class IntegrationCredits {

    static final int AT_SIGNATURE = 16;
    static final int MISSED_SESSION = -15;
    static final int NEEDED = 30;

    private IntegrationCredits() {
    }

    /** Italian, as a certificate states it: spoken only, or spoken and written. */
    public enum Italian {
        NONE(0, 0), A1(10, 14), A2(20, 24), B1(26, 28), ABOVE_B1(30, 30);

        private final int spoken;
        private final int written;

        Italian(int spoken, int written) {
            this.spoken = spoken;
            this.written = written;
        }

        int credits(boolean alsoWritten) {
            return alsoWritten ? written : spoken;
        }

        boolean atLeastA2() {
            return compareTo(A2) >= 0;
        }
    }

    /** Knowledge of civic culture and civic life in Italy, by level. */
    public enum Civic {
        NONE(0), A1(6), A2(9), B1(12);

        private final int credits;

        Civic(int credits) {
            this.credits = credits;
        }
    }

    public enum Outcome {
        FULFILLED, EXTENDED, TERMINATED
    }

    /**
     * @param italian      the level of Italian reached
     * @param written      the level is for spoken and written Italian
     * @param civic        the level of civic knowledge
     * @param session      the civic-education session was attended
     * @param courseHours  the length of each course completed (vocational, integration, university), in hours
     * @param schoolYears  school years completed with success in Italy
     * @param deducted     credits the Prefettura has taken away, as its notice says
     */
    public record Record(Italian italian, boolean written, Civic civic, boolean session, List<Integer> courseHours, int schoolYears,
            int deducted) {
    }

    public record Line(String key, int credits, List<Object> values) {
    }

    public record Result(List<Line> lines, int total, Outcome outcome) {
    }

    static Result assess(Record record) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("practices.credits.line.signature", AT_SIGNATURE, List.of()));
        if (!record.session()) {
            lines.add(new Line("practices.credits.line.missed-session", MISSED_SESSION, List.of()));
        }
        if (record.italian() != Italian.NONE) {
            lines.add(new Line(record.written() ? "practices.credits.line.italian-written" : "practices.credits.line.italian",
                    record.italian().credits(record.written()), List.of(label(record.italian()))));
        }
        if (record.civic() != Civic.NONE) {
            lines.add(new Line("practices.credits.line.civic", record.civic().credits, List.of(record.civic().name())));
        }
        for (int hours : record.courseHours()) {
            int credits = course(hours);
            lines.add(new Line("practices.credits.line.course", credits, List.of(hours)));
        }
        if (record.schoolYears() > 0) {
            lines.add(new Line("practices.credits.line.school", 30 * record.schoolYears(), List.of(record.schoolYears())));
        }
        if (record.deducted() > 0) {
            lines.add(new Line("practices.credits.line.deducted", -record.deducted(), List.of()));
        }
        int total = lines.stream().mapToInt(Line::credits).sum();
        return new Result(List.copyOf(lines), total, outcome(total, record));
    }

    /** A level's code in a form: its name in lower case, {@code above-b1} for above B1. */
    public static String code(Enum<?> level) {
        return level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String label(Italian level) {
        return level == Italian.ABOVE_B1 ? ">B1" : level.name();
    }

    /** Courses of 80, 120, 250 and 500 hours or more give 4, 5, 10 and 20 credits; shorter ones none. */
    static int course(int hours) {
        return hours >= 500 ? 20 : hours >= 250 ? 10 : hours >= 120 ? 5 : hours >= 80 ? 4 : 0;
    }

    static Outcome outcome(int total, Record record) {
        if (total <= 0) {
            return Outcome.TERMINATED;
        }
        return total >= NEEDED && record.italian().atLeastA2() && record.civic() != Civic.NONE ? Outcome.FULFILLED : Outcome.EXTENDED;
    }
}
