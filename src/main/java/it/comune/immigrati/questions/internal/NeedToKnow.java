package it.comune.immigrati.questions.internal;

import java.util.List;
import java.util.Set;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import org.springframework.stereotype.Component;

/**
 * Which questions a staff member may see. A protection case (someone at risk) is seen only by the
 * supervisors and the colleague it is assigned to; a mediator who is nothing else sees the questions
 * assigned to them and those in the languages they speak, unless the office chooses otherwise
 * ({@code aci.questions.mediators-see=all}). The same rule for the inbox (in SQL) and for one question.
 */
@Component
public class NeedToKnow {

    /** What the office lets mediators see. */
    enum MediatorsSee {
        ASSIGNED_AND_LANGUAGES, ALL
    }

    /**
     * One member's view: {@code protection} whether they see every protection case, {@code languages}
     * the languages of the unassigned questions they see, or null for every language.
     */
    public record Scope(String username, boolean protection, List<String> languages) {

        /** Everything: for the office's own jobs (the digest), never for a person. */
        static final Scope OFFICE = new Scope("", true, null);

        public boolean sees(Question question) {
            boolean assigned = username.equals(question.assignedTo());
            if (question.protection() && !protection && !assigned) {
                return false;
            }
            return languages == null || assigned || languages.contains(question.language());
        }
    }

    private final StaffDirectory staff;
    private final QuestionsProperties settings;

    NeedToKnow(StaffDirectory staff, QuestionsProperties settings) {
        this.staff = staff;
        this.settings = settings;
    }

    /** The scope of a signed-in member; someone the directory does not know (disabled meanwhile) sees nothing. */
    public Scope of(String username) {
        return staff.member(username).map(member -> {
            Set<StaffRole> roles = member.roles();
            boolean mediatorOnly = roles.contains(StaffRole.MEDIATOR) && !roles.contains(StaffRole.OPERATOR)
                    && !roles.contains(StaffRole.SUPERVISOR) && !roles.contains(StaffRole.ADMIN);
            boolean byLanguage = mediatorOnly && settings.mediatorsSee() == MediatorsSee.ASSIGNED_AND_LANGUAGES;
            return new Scope(username, roles.contains(StaffRole.SUPERVISOR), byLanguage ? List.copyOf(member.languages()) : null);
        }).orElseGet(() -> new Scope(username, false, List.of()));
    }
}
