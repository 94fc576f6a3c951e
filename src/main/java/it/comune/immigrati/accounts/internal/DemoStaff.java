package it.comune.immigrati.accounts.internal;

import java.util.List;

import it.comune.immigrati.accounts.AuditLog;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.Installation;
import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: the office's colleagues, invited by the administrator. Their invitation e-mails land in
 * the test mailbox, so a visitor can open one and walk the whole sign-up with a second factor.
 */
@Component
@Order(10)
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private record Colleague(String username, String name, List<StaffRole> roles, List<String> languages) {
    }

    private static final List<Colleague> COLLEAGUES = List.of(
            new Colleague("m.rossi", "Marco Rossi", List.of(StaffRole.SUPERVISOR, StaffRole.OPERATOR), List.of("it", "en")),
            new Colleague("g.bianchi", "Giulia Bianchi", List.of(StaffRole.OPERATOR), List.of("it", "en", "es")),
            new Colleague("a.elidrissi", "Amina El Idrissi", List.of(StaffRole.MEDIATOR), List.of("it", "ar", "fr")),
            new Colleague("o.kovalenko", "Olena Kovalenko", List.of(StaffRole.MEDIATOR), List.of("it", "uk")),
            new Colleague("s.hoxha", "Sara Hoxha", List.of(StaffRole.MEDIATOR), List.of("it", "sq")),
            new Colleague("l.ferrari", "Laura Ferrari", List.of(StaffRole.EDITOR), List.of("it", "en", "fr")));

    private final Installation installation;
    private final StaffUsers users;
    private final Invitations invitations;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    DemoStaff(Installation installation, StaffUsers users, Invitations invitations, AuditLog audit,
            TransactionTemplate transactions) {
        this.installation = installation;
        this.users = users;
        this.invitations = invitations;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!installation.demoData()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            int created = 0;
            for (Colleague colleague : COLLEAGUES) {
                String email = colleague.username() + "@aci.local";
                if (users.usernameOrEmailTaken(colleague.username(), email)) {
                    continue;
                }
                long id = users.create(colleague.username(), colleague.name(), email, null, colleague.roles(),
                        colleague.languages());
                invitations.send(users.byId(id).orElseThrow(), "admin", Language.DEFAULT);
                audit.record(new Audited("system", "account.invite-demo", "staff_user", colleague.username(), ""));
                created++;
            }
            if (created > 0) {
                log.info("Demo data: {} colleagues invited; their invitations are in the test mailbox (/ufficio/posta-di-prova)",
                        created);
            }
        });
    }
}
