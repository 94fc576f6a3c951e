package it.comune.immigrati.mail.internal;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AccountRoles;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.EmbeddedMailServer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Staff see what was sent, what is waiting and what failed, and (embedded mode) the test mailbox. */
@Controller
class MailStaffController {

    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

    private final JdbcClient jdbc;
    private final Optional<EmbeddedMailServer> embedded;
    private final ApplicationEventPublisher events;
    private final MailOutbox outbox;
    private final AccountRoles accounts;

    MailStaffController(JdbcClient jdbc, Optional<EmbeddedMailServer> embedded, ApplicationEventPublisher events,
            MailOutbox outbox, AccountRoles accounts) {
        this.jdbc = jdbc;
        this.embedded = embedded;
        this.events = events;
        this.outbox = outbox;
        this.accounts = accounts;
    }

    @GetMapping("/ufficio/posta")
    String outbox(@RequestParam(required = false) String status, Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        List<OutboxRow> rows = jdbc.sql("""
                SELECT id, message_id, recipient, subject, status, attempts, created_at, sent_at, next_attempt_at, last_error,
                       failure
                FROM mail_outbox WHERE (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY created_at DESC LIMIT 200
                """).param("status", filter).query(OutboxRow.class).list();
        List<Object[]> counts = jdbc.sql("SELECT status, count(*) FROM mail_outbox GROUP BY status")
                .query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }).list();
        model.addAttribute("rows", rows);
        model.addAttribute("status", filter);
        model.addAttribute("counts", new OutboxCounts(count(counts, "PENDING"), count(counts, "SENT"),
                count(counts, "FAILED")));
        return "mail/outbox";
    }

    private static long count(List<Object[]> counts, String status) {
        return counts.stream().filter(c -> status.equals(c[0])).mapToLong(c -> (Long) c[1]).sum();
    }

    /**
     * A message that failed, or one still waiting for its next attempt (the server is back, the address
     * was corrected by the mail provider), is tried again at once, with the same Message-ID.
     */
    @PostMapping("/ufficio/posta/{id}/riprova")
    @Transactional
    String retry(@PathVariable UUID id, Principal staff) {
        int updated = jdbc.sql("""
                UPDATE mail_outbox SET status = 'PENDING', failure = NULL, next_attempt_at = now(), updated_at = now()
                WHERE id = :id AND status IN ('FAILED', 'PENDING')
                """).param("id", id).update();
        if (updated == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        events.publishEvent(new Audited(staff.getName(), "mail.retry", "mail_outbox", id.toString(), ""));
        return "redirect:/ufficio/posta?status=PENDING";
    }

    /** Mail received in the desk mailbox, quarantined messages first. */
    @GetMapping("/ufficio/posta-in-arrivo")
    String inbound(Model model) {
        model.addAttribute("rows", jdbc.sql("""
                SELECT id, sender, subject, status, outcome, received_at FROM mail_inbound
                ORDER BY (status = 'QUARANTINED') DESC, id DESC LIMIT 200
                """).query(InboundRow.class).list());
        return "mail/inbound";
    }

    private static final int SOURCE_SHOWN = 2 * 1024 * 1024;

    @GetMapping("/ufficio/posta-in-arrivo/{id}")
    ResponseEntity<String> inboundSource(@PathVariable long id) {
        // the first 2 MB say what a message is; the rest of a 25 MB one would only fill the staff's browser
        record Source(byte[] start, long length) {
        }
        Source source = jdbc.sql("SELECT substring(raw FROM 1 FOR :shown), octet_length(raw) FROM mail_inbound WHERE id = :id")
                .param("shown", SOURCE_SHOWN).param("id", id).query((rs, n) -> new Source(rs.getBytes(1), rs.getLong(2)))
                .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String text = new String(source.start(), java.nio.charset.StandardCharsets.UTF_8);
        if (source.length() > SOURCE_SHOWN) {
            text += "\n\n(" + (source.length() - SOURCE_SHOWN) + " more bytes not shown)\n";
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(text);
    }

    /** A quarantined message goes back in the queue, to be processed again (after a fix, say). */
    @PostMapping("/ufficio/posta-in-arrivo/{id}/rielabora")
    @Transactional
    String reprocess(@PathVariable long id, Principal staff) {
        int updated = jdbc.sql("""
                UPDATE mail_inbound SET status = 'NEW', updated_at = now() WHERE id = :id AND status = 'QUARANTINED'
                """).param("id", id).update();
        if (updated == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        events.publishEvent(new Audited(staff.getName(), "mail.reprocess", "mail_inbound", String.valueOf(id), ""));
        return "redirect:/ufficio/posta-in-arrivo";
    }

    @GetMapping("/ufficio/posta-di-prova")
    String testMailbox(Model model) {
        EmbeddedMailServer server = embedded.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mails", server.received());
        model.addAttribute("smtpPort", server.smtpPort());
        model.addAttribute("imapPort", server.imapPort());
        return "mail/test-mailbox";
    }

    @GetMapping("/ufficio/posta-di-prova/{index}")
    String testMail(@PathVariable int index, Authentication reader, Model model) {
        EmbeddedMailServer.ReceivedMail mail = receivedMail(index);
        model.addAttribute("mail", mail);
        model.addAttribute("index", index);
        model.addAttribute("hidden", mail.readable() && hiddenFrom(reader, mail));
        return "mail/test-mail";
    }

    /** The HTML version, served alone in a sandbox: it may come from anywhere and must not run anything. */
    @GetMapping("/ufficio/posta-di-prova/{index}/html")
    ResponseEntity<String> testMailHtml(@PathVariable int index, Authentication reader) {
        EmbeddedMailServer.ReceivedMail mail = receivedMail(index);
        if (mail.htmlBody() == null || hiddenFrom(reader, mail)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(mail.htmlBody());
    }

    /**
     * A message about a staff account (an invitation) carries a link that opens that account: the reader
     * sees its text only if they hold every role the account has, so nobody gains rights by reading the
     * test mailbox. An account that is gone, or a lookup that fails, hides the text too.
     */
    private boolean hiddenFrom(Authentication reader, EmbeddedMailServer.ReceivedMail mail) {
        if (mail.messageId() == null) {
            return false; // not one of ours: we never tag it as being about an account
        }
        Optional<MailOutbox.Related> about = outbox.relatedTo(mail.messageId());
        if (about.isEmpty() || !"staff_user".equals(about.get().type())) {
            return false;
        }
        Set<String> readerRoles = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
        return accounts.of(about.get().id()).map(roles -> !readerRoles.containsAll(roles)).orElse(true);
    }

    private EmbeddedMailServer.ReceivedMail receivedMail(int index) {
        List<EmbeddedMailServer.ReceivedMail> mails = embedded
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).received();
        if (index < 0 || index >= mails.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mails.get(index);
    }
}
