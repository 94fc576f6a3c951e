package it.comune.immigrati.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.platform.Audited;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An invited colleague opens the link from the e-mail and chooses a password. */
@Controller
class InvitationController {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final Invitations invitations;
    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final StaffSessions sessions;

    InvitationController(Invitations invitations, StaffUsers users, PasswordEncoder passwords, AuditLog audit,
            StaffSessions sessions) {
        this.sessions = sessions;
        this.invitations = invitations;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    @GetMapping("/invito/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return invitations.userFor(token).flatMap(users::byId)
                .map(user -> view(user, token, List.of(), model))
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/invito/{token}")
    @Transactional
    String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response) {
        var found = invitations.userFor(token).flatMap(users::byId);
        if (found.isEmpty()) {
            return invalid(response);
        }
        StaffUser user = found.get();
        List<String> errors = passwordProblems(password, confirm, user.username());
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return view(user, token, errors, model);
        }
        String hash = passwords.encode(password); // before the claim: the row stays locked only briefly
        if (!invitations.claim(token).equals(Optional.of(user.id()))) {
            return invalid(response); // another request used the link a moment ago
        }
        users.setPassword(user.id(), hash);
        sessions.endAll(user.username()); // a new password (a re-invitation) ends what the old one opened
        audit.record(new Audited(user.username(), "account.password-set", "staff_user", user.username(), "→ /invito"));
        return "redirect:/login?invited";
    }

    /**
     * nbvcxz's estimate (dictionaries of common and leaked passwords, names, keyboard patterns, dates),
     * built once: loading its dictionaries takes a moment.
     */
    private static final class Strength {
        static final me.gosimple.nbvcxz.Nbvcxz ESTIMATOR = new me.gosimple.nbvcxz.Nbvcxz(
                new me.gosimple.nbvcxz.resources.ConfigurationBuilder().setMinimumEntropy(40d).createConfiguration());
    }

    static List<String> passwordProblems(String password, String confirm, String username) {
        List<String> errors = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            errors.add("invite.error.short");
        }
        if (password.length() > MAX_PASSWORD) {
            errors.add("invite.error.long");
        }
        if (!password.equals(confirm)) {
            errors.add("invite.error.mismatch");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add("invite.error.username");
        }
        if (errors.isEmpty() && !Strength.ESTIMATOR.estimate(password).isMinimumEntropyMet()) {
            errors.add("invite.error.weak"); // "password1234", a name and a year, a keyboard row
        }
        return errors;
    }

    private String view(StaffUser user, String token, List<String> errors, Model model) {
        model.addAttribute("displayName", user.displayName());
        model.addAttribute("username", user.username());
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "accounts/invitation";
    }

    private String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "accounts/invitation-invalid";
    }
}
