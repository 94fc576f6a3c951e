package it.comune.immigrati.questions.internal;

import java.util.Locale;

/**
 * The views of the staff inbox, each with the condition it puts on a question. In URLs a view is its
 * name in lower case (view=overdue); anything else is the open view.
 */
public enum InboxView {
    OPEN("q.status <> 'CLOSED'"),
    NEW("q.status = 'NEW'"),
    MINE("q.assigned_to = :user AND q.status <> 'CLOSED'"),
    WAITING("q.status = 'WAITING'"),
    ANSWERED("q.status = 'ANSWERED'"),
    OVERDUE("q.status IN ('NEW', 'OPEN') AND q.due_at < now()"),
    PROTECTION("q.protection AND q.status <> 'CLOSED'"),
    CLOSED("q.status = 'CLOSED'"),
    SPAM("q.spam");

    /** The views whose counts the inbox shows, in the order of QuestionRecords.InboxCounts. */
    static final InboxView[] COUNTED = { NEW, MINE, WAITING, ANSWERED, CLOSED, OVERDUE, PROTECTION };

    private final String condition;

    InboxView(String condition) {
        this.condition = condition;
    }

    /** The view a URL names, or the open view. */
    public static InboxView of(String param) {
        for (InboxView view : values()) {
            if (view.param().equals(param)) {
                return view;
            }
        }
        return OPEN;
    }

    /** How URLs name the view. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view's condition in SQL on the question table aliased {@code alias} (with its dot, or empty). */
    String condition(String alias) {
        return condition.replace("q.", alias);
    }
}
