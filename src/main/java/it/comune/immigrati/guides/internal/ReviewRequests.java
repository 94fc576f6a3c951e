package it.comune.immigrati.guides.internal;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.guides.internal.GuideRecords.Pending;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;

/**
 * When a text is sent for approval, every colleague who may approve it is told by e-mail (the staff home
 * shows it too): a text waiting unseen is a translation residents do not get.
 */
@Component
class ReviewRequests {

    private final GuideStore store;
    private final StaffDirectory staff;
    private final MailOutbox outbox;
    private final GuidesProperties settings;
    private final AciProperties properties;

    ReviewRequests(GuideStore store, StaffDirectory staff, MailOutbox outbox, GuidesProperties settings,
            AciProperties properties) {
        this.store = store;
        this.staff = staff;
        this.outbox = outbox;
        this.settings = settings;
        this.properties = properties;
    }

    /** Runs in the transaction that sends the text to review: the messages exist if and only if it did. */
    void tellReviewers(long guideId, Language language, String submitter) {
        Pending pending = store.awaitingApproval(guideId, language).orElseThrow();
        String link = properties.mail().publicBaseUrl() + "/ufficio/guide/" + guideId + "/" + language.code();
        for (StaffDirectory.StaffMember member : staff.activeMembers()) {
            boolean reviewer = member.roles().contains(StaffRole.EDITOR) || member.roles().contains(StaffRole.SUPERVISOR);
            if (!reviewer || member.username().equals(submitter) || member.email() == null || member.email().isBlank()
                    || !pending.mayBeApprovedBy(member.username(), settings.fourEyes())) {
                continue;
            }
            Language interfaceLanguage = member.languages().isEmpty() ? Language.DEFAULT
                    : Language.byCode(member.languages().get(0)).orElse(Language.DEFAULT);
            outbox.queue(MailMessage.to(member.email(), interfaceLanguage)
                    .subject("guides.mail.review.subject", pending.title())
                    .paragraph("guides.mail.review.body", pending.title(), language.nativeName(), submitter)
                    .action("guides.mail.review.action", link)
                    .about("guide-review", guideId + "/" + language.code()));
        }
    }
}
