package it.comune.immigrati.guides.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.platform.ClusterJobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a week every editor gets the list of guides past their review date, once a week however many nodes run; no guide due, no mail.
 */
@Component
class ReviewReminder {

    private final ClusterJobs jobs;
    private final Clock clock;
    private final GuideCoverage coverage;
    private final GuideStore store;
    private final StaffDirectory staff;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final AciProperties properties;

    ReviewReminder(ClusterJobs jobs, Clock clock, GuideCoverage coverage, GuideStore store, StaffDirectory staff, MailOutbox outbox,
            TransactionTemplate transactions, AciProperties properties) {
        this.jobs = jobs;
        this.clock = clock;
        this.coverage = coverage;
        this.store = store;
        this.staff = staff;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${aci.guides.reminder-cron:0 0 8 * * MON}", zone = "Europe/Rome")
    void send() {
        sendFor(LocalDate.now(clock));
    }

    /** Sends the reminder of {@code day} unless it went out already; returns how many were queued. */
    int sendFor(LocalDate day) {
        Integer queued = transactions.execute(status -> {
            List<Guide> due = coverage.dueForReview(day);
            if (due.isEmpty() || !jobs.once("guides-review", day)) {
                return 0;
            }
            StringBuilder list = new StringBuilder();
            for (Guide guide : due) {
                list.append("- ").append(store.title(guide)).append(" (").append(guide.reviewBy().format(DateTimeFormatter.ISO_DATE))
                        .append(")\n  ").append(properties.mail().publicBaseUrl()).append("/ufficio/guide/").append(guide.id())
                        .append('\n');
            }
            int count = 0;
            for (StaffDirectory.StaffMember member : staff.activeMembers()) {
                if (!member.roles().contains(StaffRole.EDITOR)) {
                    continue;
                }
                Language language = member.languages().isEmpty() ? Language.DEFAULT
                        : Language.byCode(member.languages().get(0)).orElse(Language.DEFAULT);
                outbox.queue(MailMessage.to(member.email(), language)
                        .subject("guides.reminder.subject", due.size())
                        .paragraph("guides.reminder.intro", due.size())
                        .verbatim(list.toString())
                        .action("guides.reminder.action", properties.mail().publicBaseUrl() + "/ufficio/guide?filtro=da-rivedere")
                        .about("guides-review", day.toString()));
                count++;
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }
}
