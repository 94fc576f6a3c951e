package it.comune.immigrati.platform;

import java.util.Optional;
import java.util.Set;

/**
 * The roles of a staff account, by username, for a module that must not show one account's secrets (an
 * invitation link, say) to a reader with fewer rights. Here rather than in {@code accounts}, which
 * depends on {@code mail}: the mail module needs it and may not depend on accounts back.
 */
public interface AccountRoles {

    /** The role names ({@code ADMIN}, {@code OPERATOR}, ...) of the account; empty if there is no such account. */
    Optional<Set<String>> of(String username);
}
