package it.comune.immigrati.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.RateLimit;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first factor. A right password yields only the authority {@value #PENDING_SECOND_FACTOR}: no
 * staff page opens until the TOTP code is checked too. Wrong passwords lock the account for a time that
 * grows with each further failure.
 */
@Component
class PasswordStep implements AuthenticationProvider {

    static final String PENDING_SECOND_FACTOR = "PENDING_SECOND_FACTOR";

    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AciProperties.Security settings;
    /** Compared against when the user does not exist, so timing does not reveal which names exist. */
    private final String dummyHash;
    /** Password spraying: many accounts tried from one client, each below its own lockout. */
    private final RateLimit clients;
    private final Clock clock;

    PasswordStep(StaffUsers users, PasswordEncoder passwords, AuditLog audit, AciProperties properties, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.settings = properties.security();
        this.dummyHash = passwords.encode("no such user, no such password");
        this.clients = RateLimit.of(settings.maxFailedLoginsPerClient(), settings.clientFailureWindow());
    }

    /**
     * One transaction, kept when a failure is thrown: every answer then costs one commit (a wrong password
     * writes the count and the audit, a locked or unknown account only the audit), so the time to answer
     * does not tell a locked or unknown account from a wrong password (two commits took twice as long).
     */
    @Override
    @Transactional(noRollbackFor = AuthenticationException.class)
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getName()).trim().toLowerCase(java.util.Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (clients.exhausted(client)) {
            // an account being tried is worth knowing; any other name typed is not kept
            String account = users.byUsername(username).isPresent() ? username : "(not an account)";
            audit.record(new Audited(account.equals(username) ? username : "unknown", "login.refused-client", "staff_user",
                    account, client));
            throw new LockedException("Too many failures from this client");
        }
        Optional<StaffUser> found = users.byUsername(username);
        if (found.isEmpty() || found.get().invited() || !found.get().enabled()) {
            passwords.matches(password, dummyHash);
            clients.take(client);
            // the name typed is not kept: it may be someone's address, or a password typed in the wrong field
            audit.record(new Audited("unknown", "login.failed-unknown", "staff_user", "–", client));
            throw new BadCredentialsException("Bad credentials");
        }
        StaffUser user = found.get();
        // the hash first, locked or not: an answer without it comes tens of milliseconds sooner and tells
        // whoever is guessing that the account is locked
        boolean rightPassword = passwords.matches(password, user.passwordHash());
        if (user.locked(clock.instant())) {
            if (!rightPassword) {
                clients.take(client);
            }
            audit.record(new Audited(username, "login.refused-locked", "staff_user", username, ""));
            // the same exception as a wrong password: Spring Security stops at once on an account-status
            // exception but goes on after bad credentials, and a full run measured the locked answer at
            // half the time of a wrong password; the page says the same for both anyway
            throw new BadCredentialsException("Bad credentials");
        }
        if (!rightPassword) {
            clients.take(client);
            registerFailure(username, "login.failed-password");
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(PENDING_SECOND_FACTOR)));
    }

    /** A wrong second-factor code counts against the client too. */
    void clientFailed(String client) {
        clients.take(client);
    }

    boolean refuses(String client) {
        return clients.exhausted(client);
    }

    void registerFailure(String username, String action) {
        Optional<Instant> lockedUntil = users.registerFailure(username, settings.maxFailedLogins(),
                settings.firstLockout(), settings.maxLockout());
        audit.record(new Audited(username, action, "staff_user", username,
                lockedUntil.map(until -> "locked until " + until).orElse("")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
