package it.comune.immigrati.accounts.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators browse the audit log, newest first, by keyset pages (no OFFSET over a big table). */
@Controller
class AuditController {

    static final int PAGE = 100;

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/ufficio/audit")
    @Transactional(readOnly = true)
    String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String record, @RequestParam(required = false) Long before, Model model) {
        List<AuditEntry> entries = jdbc.sql("""
                SELECT id, at, actor, action, record_type, record_id, details FROM audit_log
                WHERE (:actor = '' OR actor = :actor)
                  AND (:action = '' OR action LIKE :action || '%')
                  AND (:record = '' OR record_id = :record)
                  AND (CAST(:before AS bigint) IS NULL OR id < :before)
                ORDER BY id DESC LIMIT :limit
                """).param("actor", actor.trim()).param("action", action.trim()).param("record", record.trim())
                .param("before", before).param("limit", PAGE + 1)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        boolean more = entries.size() > PAGE;
        model.addAttribute("entries", more ? entries.subList(0, PAGE) : entries);
        model.addAttribute("nextBefore", more ? entries.get(PAGE - 1).id() : null);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("record", record);
        return "accounts/audit";
    }
}
