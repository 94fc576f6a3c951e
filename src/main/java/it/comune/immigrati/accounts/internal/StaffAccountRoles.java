package it.comune.immigrati.accounts.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import it.comune.immigrati.platform.AccountRoles;
import org.springframework.stereotype.Service;

@Service
class StaffAccountRoles implements AccountRoles {

    private final StaffUsers users;

    StaffAccountRoles(StaffUsers users) {
        this.users = users;
    }

    @Override
    public Optional<Set<String>> of(String username) {
        return users.byUsername(username).map(user -> user.roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
