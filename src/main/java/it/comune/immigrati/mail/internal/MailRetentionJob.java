package it.comune.immigrati.mail.internal;


import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Every night, messages older than {@code aci.mail.retention} are deleted; one node does it. */
@Component
class MailRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(MailRetentionJob.class);

    private final JdbcMailPrivacy privacy;
    private final ClusterJobs jobs;
    private final TransactionTemplate transactions;
    private final AciProperties properties;

    MailRetentionJob(JdbcMailPrivacy privacy, ClusterJobs jobs, TransactionTemplate transactions, AciProperties properties) {
        this.privacy = privacy;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${aci.mail.retention-cron:0 40 3 * * *}", zone = "Europe/Rome")
    void expire() {
        Integer deleted = transactions.execute(status -> {
            if (!jobs.exclusive("mail-retention")) {
                return 0;
            }
            return privacy.expire(properties.mail().retention());
        });
        if (deleted != null && deleted > 0) {
            log.info("Mail retention: {} messages older than {} deleted", deleted, properties.mail().retention());
        }
    }
}
