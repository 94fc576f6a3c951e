package it.comune.immigrati.accounts.internal;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.platform.Audited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff sign-in: the password form (processed by Spring Security), then the TOTP code — enrolled on
 * the first sign-in, required on every one after.
 */
@Controller
class LoginController {

    private static final String PENDING_SECRET = LoginController.class.getName() + ".secret";

    private final StaffUsers users;
    private final Totp totp;
    private final PasswordStep passwordStep;
    private final AuditLog audit;
    private final HttpSessionSecurityContextRepository contexts;
    private final HttpSessionRequestCache requestCache;
    private final java.time.Clock clock;

    LoginController(StaffUsers users, Totp totp, PasswordStep passwordStep, AuditLog audit,
            HttpSessionSecurityContextRepository contexts, HttpSessionRequestCache requestCache, java.time.Clock clock) {
        this.clock = clock;
        this.users = users;
        this.totp = totp;
        this.passwordStep = passwordStep;
        this.audit = audit;
        this.contexts = contexts;
        this.requestCache = requestCache;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String invited, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("invited", invited != null);
        return "accounts/login";
    }

    @GetMapping("/login/totp")
    String codeForm(Authentication pending, HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffUser user = users.byUsername(pending.getName()).orElseThrow();
        if (!mayFinish(user)) {
            return refuseUnusable(user, request, response);
        }
        if (!user.totpEnrolled()) {
            return "redirect:/login/totp/attiva";
        }
        model.addAttribute("username", user.username());
        model.addAttribute("error", false);
        return "accounts/totp";
    }

    @PostMapping("/login/totp")
    @Transactional
    String checkCode(@RequestParam(defaultValue = "") String code, Authentication pending, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException {
        StaffUser user = users.byUsername(pending.getName()).orElseThrow();
        if (!mayFinish(user)) {
            return refuseUnusable(user, request, response);
        }
        if (!user.totpEnrolled()) {
            return "redirect:/login/totp/attiva";
        }
        OptionalLong step = totp.verify(user.totpSecret(), code);
        if (step.isEmpty() || !users.useTotpStep(user.id(), step.getAsLong())) {
            return refuse(user, request, response, model, "accounts/totp");
        }
        return signIn(user, request, response, "login");
    }

    @GetMapping("/login/totp/attiva")
    String enrolForm(Authentication pending, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, Model model) {
        StaffUser user = users.byUsername(pending.getName()).orElseThrow();
        if (!mayFinish(user)) {
            return refuseUnusable(user, request, response);
        }
        if (user.totpEnrolled()) {
            return "redirect:/login/totp";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        return enrolView(user, secret, false, model);
    }

    @PostMapping("/login/totp/attiva")
    @Transactional
    String enrol(@RequestParam(defaultValue = "") String code, Authentication pending, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model) throws IOException {
        StaffUser user = users.byUsername(pending.getName()).orElseThrow();
        if (!mayFinish(user)) {
            return refuseUnusable(user, request, response);
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (user.totpEnrolled() || secret == null) {
            return "redirect:/login/totp";
        }
        OptionalLong step = totp.verify(secret, code);
        if (step.isEmpty()) {
            passwordStep.registerFailure(user.username(), "login.failed-totp-enrolment");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return enrolView(user, secret, true, model);
        }
        users.enrolTotp(user.id(), secret, step.getAsLong());
        session.removeAttribute(PENDING_SECRET);
        return signIn(user, request, response, "login.totp-enrolled");
    }

    private String enrolView(StaffUser user, String secret, boolean error, Model model) {
        model.addAttribute("secret", secret);
        model.addAttribute("qr", totp.qrDataUri(secret, user.username()));
        model.addAttribute("error", error);
        return "accounts/totp-enrol";
    }

    /**
     * The password step was passed in this session, but maybe before the account was locked (by someone
     * else's wrong guesses) or disabled: the account is read again at every step of the code.
     */
    private boolean mayFinish(StaffUser user) {
        return user.enabled() && !user.invited() && !user.locked(clock.instant());
    }

    private String refuseUnusable(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
        audit.record(new Audited(user.username(), user.enabled() ? "login.refused-locked" : "login.refused-disabled",
                "staff_user", user.username(), "second factor"));
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/login?error";
    }

    private String refuse(StaffUser user, HttpServletRequest request, HttpServletResponse response, Model model,
            String view) {
        passwordStep.registerFailure(user.username(), "login.failed-totp");
        passwordStep.clientFailed(request.getRemoteAddr());
        if (users.byUsername(user.username()).map(u -> u.locked(clock.instant())).orElse(true)
                || passwordStep.refuses(request.getRemoteAddr())) {
            new SecurityContextLogoutHandler().logout(request, response, null);
            return "redirect:/login?error";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("username", user.username());
        model.addAttribute("error", true);
        return view;
    }

    /** Both factors passed: the session gets the staff roles and a new id. */
    private String signIn(StaffUser user, HttpServletRequest request, HttpServletResponse response, String action) {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        users.registerSuccess(user.id());
        audit.record(new Audited(user.username(), action, "staff_user", user.username(), ""));
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (saved != null) {
            String target = saved.getRedirectUrl();
            int path = target.indexOf("/ufficio");
            if (path >= 0) {
                return "redirect:" + target.substring(path);
            }
        }
        return "redirect:/ufficio";
    }
}
