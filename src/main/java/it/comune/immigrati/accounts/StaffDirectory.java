package it.comune.immigrati.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who works in the office: for assigning work by topic and by the languages a colleague speaks. */
public interface StaffDirectory {

    /** Enabled accounts that have completed their invitation. */
    List<StaffMember> activeMembers();

    Optional<StaffMember> member(String username);

    record StaffMember(String username, String displayName, String email, Set<StaffRole> roles,
            List<String> languages) {

        public boolean speaks(String language) {
            return languages.contains(language);
        }
    }
}
