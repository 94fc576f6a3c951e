package it.comune.immigrati.accounts;

/** What a staff member may do. A member may hold several roles. */
public enum StaffRole {
    /** Manages accounts, configuration and the audit log. */
    ADMIN,
    /** Leads the office: assigns work, approves, sees reports and delivery problems. */
    SUPERVISOR,
    /** Answers questions and handles practices. */
    OPERATOR,
    /** Cultural mediator: answers in the languages they speak. */
    MEDIATOR,
    /** Writes and reviews guides, FAQ and site pages. */
    EDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
