package it.comune.immigrati.accounts.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import org.springframework.stereotype.Service;

@Service
class JdbcStaffDirectory implements StaffDirectory {

    private final StaffUsers users;

    JdbcStaffDirectory(StaffUsers users) {
        this.users = users;
    }

    @Override
    public List<StaffMember> activeMembers() {
        return users.all().stream().filter(u -> u.enabled() && !u.invited()).map(JdbcStaffDirectory::member).toList();
    }

    @Override
    public Optional<StaffMember> member(String username) {
        return users.byUsername(username).map(JdbcStaffDirectory::member);
    }

    private static StaffMember member(StaffUser user) {
        return new StaffMember(user.username(), user.displayName(), user.email(),
                user.roles().isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(user.roles()),
                user.languages());
    }
}
