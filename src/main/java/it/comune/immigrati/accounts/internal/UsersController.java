package it.comune.immigrati.accounts.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Administrators invite colleagues, set their roles and languages, disable them, reset their second factor. */
@Controller
@RequestMapping("/ufficio/utenti")
class UsersController {

    private final StaffUsers users;
    private final Invitations invitations;
    private final AuditLog audit;
    private final StaffSessions sessions;

    UsersController(StaffUsers users, Invitations invitations, AuditLog audit, StaffSessions sessions) {
        this.users = users;
        this.invitations = invitations;
        this.audit = audit;
        this.sessions = sessions;
    }

    @GetMapping
    String list(Model model) {
        return listView(new UserForm(), List.of(), model);
    }

    @PostMapping
    @Transactional
    String invite(@ModelAttribute UserForm form, Principal admin, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<String> errors = problems(form, true);
        if (errors.isEmpty() && users.usernameOrEmailTaken(form.getUsername(), form.getEmail())) {
            errors.add("users.error.username");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listView(form, errors, model);
        }
        long id = users.create(form.getUsername(), form.getDisplayName(), form.getEmail(), null, roles(form),
                languages(form));
        StaffUser user = users.byId(id).orElseThrow();
        invitations.send(user, admin.getName(), Language.of(RequestContextUtils.getLocale(request)));
        audit.record(new Audited(admin.getName(), "account.invite", "staff_user", user.username(),
                "roles " + user.roles()));
        redirect.addFlashAttribute("message", "users.invited");
        redirect.addFlashAttribute("messageArg", user.email());
        return "redirect:/ufficio/utenti";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        StaffUser user = users.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UserForm form = new UserForm();
        form.setUsername(user.username());
        form.setDisplayName(user.displayName());
        form.setEmail(user.email());
        form.setRoles(user.roles().stream().map(Enum::name).toList());
        form.setLanguages(user.languages());
        form.setEnabled(user.enabled());
        return editView(user, form, List.of(), model);
    }

    @PostMapping("/{id}")
    @Transactional
    String save(@PathVariable long id, @ModelAttribute UserForm form, Principal admin, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        StaffUser user = users.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> errors = problems(form, false);
        if (user.username().equals(admin.getName())
                && (!form.isEnabled() || !form.getRoles().contains(StaffRole.ADMIN.name()))) {
            errors.add("users.error.self");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editView(user, form, errors, model);
        }
        users.update(id, form.getDisplayName(), form.getEmail(), roles(form), languages(form), form.isEnabled());
        if (!Set.copyOf(roles(form)).equals(Set.copyOf(user.roles())) || form.isEnabled() != user.enabled()) {
            // open sessions carry the roles of their sign-in: they end, the member signs in with the new ones
            sessions.endAll(user.username());
        }
        audit.record(new Audited(admin.getName(), "account.update", "staff_user", user.username(),
                "roles " + roles(form) + ", enabled " + form.isEnabled()));
        redirect.addFlashAttribute("message", "users.saved");
        return "redirect:/ufficio/utenti";
    }

    @PostMapping("/{id}/azzera-totp")
    @Transactional
    String resetTotp(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        StaffUser user = users.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        users.resetTotp(id);
        // a reset follows a lost or stolen phone: whoever holds an open session must sign in again too
        sessions.endAll(user.username());
        audit.record(new Audited(admin.getName(), "account.totp-reset", "staff_user", user.username(), ""));
        redirect.addFlashAttribute("message", "users.saved");
        return "redirect:/ufficio/utenti";
    }

    @PostMapping("/{id}/sblocca")
    @Transactional
    String unlock(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        StaffUser user = users.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        users.unlock(id);
        audit.record(new Audited(admin.getName(), "account.unlock", "staff_user", user.username(), ""));
        redirect.addFlashAttribute("message", "users.saved");
        return "redirect:/ufficio/utenti";
    }

    @PostMapping("/{id}/invito")
    @Transactional
    String reinvite(@PathVariable long id, Principal admin, HttpServletRequest request, RedirectAttributes redirect) {
        StaffUser user = users.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        invitations.send(user, admin.getName(), Language.of(RequestContextUtils.getLocale(request)));
        audit.record(new Audited(admin.getName(), "account.reinvite", "staff_user", user.username(), ""));
        redirect.addFlashAttribute("message", "users.invited");
        redirect.addFlashAttribute("messageArg", user.email());
        return "redirect:/ufficio/utenti";
    }

    private static List<String> problems(UserForm form, boolean creating) {
        List<String> errors = new ArrayList<>();
        if (creating && !form.getUsername().matches("^[a-z0-9._-]{3,40}$")) {
            errors.add("users.error.username");
        }
        if (form.getDisplayName().isBlank() || form.getDisplayName().length() > 120) {
            errors.add("users.error.name");
        }
        if (!EmailAddresses.valid(form.getEmail())) {
            errors.add("users.error.email");
        }
        if (roles(form).isEmpty()) {
            errors.add("users.error.roles");
        }
        return errors;
    }

    private static List<StaffRole> roles(UserForm form) {
        return Arrays.stream(StaffRole.values()).filter(r -> form.getRoles().contains(r.name())).toList();
    }

    private static List<String> languages(UserForm form) {
        List<String> chosen = Arrays.stream(Language.values()).map(Language::code)
                .filter(form.getLanguages()::contains).toList();
        return chosen.isEmpty() ? List.of(Language.DEFAULT.code()) : chosen;
    }

    private String listView(UserForm form, List<String> errors, Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Arrays.asList(StaffRole.values()));
        return "accounts/users";
    }

    private String editView(StaffUser user, UserForm form, List<String> errors, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Arrays.asList(StaffRole.values()));
        return "accounts/user-edit";
    }
}
