package it.comune.immigrati.questions.internal;

import java.time.Clock;
import java.time.LocalDate;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.platform.ClusterJobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each working morning every supervisor gets the state of the desk by e-mail: new, overdue and
 * protection cases. Once a day however many nodes run.
 */
@Component
class DailyDigest {

    private final ClusterJobs jobs;
    private final Clock clock;
    private final Inbox inbox;
    private final StaffDirectory staff;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final AciProperties properties;

    DailyDigest(ClusterJobs jobs, Clock clock, Inbox inbox, StaffDirectory staff, MailOutbox outbox,
            TransactionTemplate transactions, AciProperties properties) {
        this.jobs = jobs;
        this.clock = clock;
        this.inbox = inbox;
        this.staff = staff;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${aci.questions.digest-cron:0 0 8 * * MON-FRI}", zone = "Europe/Rome")
    void send() {
        sendFor(LocalDate.now(clock));
    }

    /** Sends the digest of {@code day} unless it went out already; returns how many were queued. */
    int sendFor(LocalDate day) {
        Integer sent = transactions.execute(status -> {
            if (!jobs.once("questions-digest", day)) {
                return 0;
            }
            QuestionRecords.InboxCounts counts = inbox.counts("");
            int queued = 0;
            for (StaffDirectory.StaffMember member : staff.activeMembers()) {
                if (!member.roles().contains(StaffRole.SUPERVISOR)) {
                    continue;
                }
                Language language = member.languages().isEmpty() ? Language.DEFAULT
                        : Language.byCode(member.languages().get(0)).orElse(Language.DEFAULT);
                outbox.queue(MailMessage.to(member.email(), language)
                        .subject("questions.digest.subject", properties.comune().office())
                        .paragraph("questions.digest.counts", counts.newQuestions(), counts.overdue(), counts.protection(),
                                counts.waiting())
                        .action("questions.digest.action", properties.mail().publicBaseUrl() + "/ufficio/quesiti?view=overdue")
                        .about("digest", day.toString()));
                queued++;
            }
            return queued;
        });
        return sent == null ? 0 : sent;
    }
}
