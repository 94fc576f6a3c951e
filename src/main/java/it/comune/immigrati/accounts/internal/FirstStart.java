package it.comune.immigrati.accounts.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.platform.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start of an installation creates the {@code admin} account, with the password in
 * {@code ACI_ADMIN_PASSWORD} or, failing that, a random one written once to the log, and the e-mail
 * address in {@code ACI_ADMIN_EMAIL} or, failing that, the office's own ({@code aci.comune.email}):
 * a real mailbox of the Comune, where invitations and digests for the administrator can arrive.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Environment environment;
    private final it.comune.immigrati.platform.AciProperties properties;

    FirstStart(StaffUsers users, PasswordEncoder passwords, AuditLog audit, TransactionTemplate transactions,
            Environment environment, it.comune.immigrati.platform.AciProperties properties) {
        this.properties = properties;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (users.any()) {
                return;
            }
            String given = environment.getProperty("ACI_ADMIN_PASSWORD", "");
            String password = given.isBlank() ? randomPassword() : given;
            String email = environment.getProperty("ACI_ADMIN_EMAIL", "").strip();
            if (email.isEmpty()) {
                email = properties.comune().email();
            }
            if (!it.comune.immigrati.platform.EmailAddresses.valid(email)) {
                throw new IllegalStateException("ACI_ADMIN_EMAIL: \"" + email + "\" is not an e-mail address");
            }
            users.create("admin", "Amministratore", email, passwords.encode(password),
                    List.of(StaffRole.values()), List.of("it"));
            audit.record(new Audited("system", "account.create-first-admin", "staff_user", "admin", ""));
            if (given.isBlank()) {
                log.warn("""

                        ================================================================
                          First start: the staff account 'admin' was created.
                          Its password, shown this once:  {}
                          Sign in at /login; you will set up the second factor there.
                        ================================================================""", password);
            } else {
                log.info("First start: the staff account 'admin' ({}) was created with the password from ACI_ADMIN_PASSWORD", email);
            }
        });
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        String password = new String(chars);
        Arrays.fill(chars, ' ');
        return password;
    }
}
