package it.comune.immigrati.guides.internal;

import java.time.LocalDate;
import java.util.List;

import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.State;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.site.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial workflow. Each language of a guide moves draft → in review → published on its own; every
 * save is a new numbered version, so nothing an editor wrote is lost; a second person approves, so no text
 * reaches the public on one person's word (unless the office turns that off). Each step is one
 * transaction, with its audit record and whatever it changes on the public site.
 */
@Service
class GuideWorkflow {

    /** A workflow step that the guide's state or the staff member's part does not allow. */
    static final class WorkflowException extends RuntimeException {
        private final String messageKey;

        WorkflowException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private final GuideStore store;
    private final GuidePublication publication;
    private final ApplicationEventPublisher events;
    private final GuidesProperties settings;
    private final ReviewRequests reviewRequests;

    GuideWorkflow(GuideStore store, GuidePublication publication, ApplicationEventPublisher events,
            GuidesProperties settings, ReviewRequests reviewRequests) {
        this.store = store;
        this.reviewRequests = reviewRequests;
        this.publication = publication;
        this.events = events;
        this.settings = settings;
    }

    /** Only a draft that differs from the published text goes to review: nothing else would need approving. */
    static boolean maySubmit(Translation translation) {
        return translation.state() == State.DRAFT && translation.pendingChanges();
    }

    /**
     * With four eyes on, neither the author of the working text nor whoever sent it to review may approve it:
     * a mediator's translation submitted by an editor still needs a third person.
     */
    static boolean mayApprove(String staff, String author, String submittedBy, boolean fourEyes) {
        return !fourEyes || !(staff.equals(author) || staff.equals(submittedBy));
    }

    /**
     * The Italian version a translation is made from: the published text, or the working one while nothing
     * is published. A translation records it, so the coverage table can tell when the Italian moved on.
     */
    static Long sourceVersionId(Translation italian) {
        return italian.publishedVersionId() != null ? italian.publishedVersionId() : italian.workingVersionId();
    }

    @Transactional
    long create(String slug, String topic, List<String> situations, LocalDate reviewBy, String staff) {
        long id = store.insertGuide(slug, topic, situations, reviewBy, staff);
        events.publishEvent(new Audited(staff, "guide.create", "guide", slug, ""));
        return id;
    }

    @Transactional
    void updateDetails(long id, String topic, List<String> situations, List<String> related, LocalDate reviewBy,
            String staff) {
        store.updateDetails(id, topic, situations, related, reviewBy);
        Guide guide = store.byId(id).orElseThrow();
        publication.detailsChanged(guide);
        events.publishEvent(new Audited(staff, "guide.details", "guide", guide.slug(), ""));
    }

    /** Saves a new version; the language goes (back) to draft, while the public keeps the published one. */
    @Transactional
    Version save(long guideId, Language language, Text text, String author, String note) {
        return save(guideId, language, text, author, note, false);
    }

    /** @param unreviewed a translation prepared without review (an import says so in its front matter) */
    @Transactional
    Version save(long guideId, Language language, Text text, String author, String note, boolean unreviewed) {
        Guide guide = store.byId(guideId).orElseThrow();
        Long basedOn = language == Language.DEFAULT ? null
                : store.translation(guideId, Language.DEFAULT).map(GuideWorkflow::sourceVersionId).orElse(null);
        long versionId = store.insertVersion(guideId, language, text, author, note, basedOn);
        if (unreviewed) {
            store.unreviewed(versionId, true);
        }
        store.draft(guideId, language, versionId);
        Version version = store.version(versionId).orElseThrow();
        events.publishEvent(new Audited(author, "guide.save", "guide", guide.slug(),
                language.code() + " v" + version.number()));
        return version;
    }

    /** A copy of an old version becomes the new draft; it is published through review like any other. */
    @Transactional
    Version restore(long guideId, Language language, int number, String staff) {
        Version old = store.version(guideId, language, number).orElseThrow(() -> new WorkflowException("guides.error.version"));
        return save(guideId, language, old.text(), staff, "restore:" + number);
    }

    @Transactional
    void submit(long guideId, Language language, String staff) {
        Translation translation = store.translation(guideId, language).orElseThrow(() -> new WorkflowException("guides.error.state"));
        if (!maySubmit(translation)) {
            throw new WorkflowException("guides.error.state");
        }
        store.submitted(guideId, language, staff);
        audit(staff, "guide.submit", guideId, language);
        reviewRequests.tellReviewers(guideId, language, staff);
    }

    /** Sends a text in review back to draft, for its author to rework. */
    @Transactional
    void sendBack(long guideId, Language language, String staff) {
        inReview(guideId, language);
        store.sentBack(guideId, language);
        audit(staff, "guide.send-back", guideId, language);
    }

    /** Approves the text in review and publishes it. */
    @Transactional
    void approve(long guideId, Language language, String staff) {
        Translation translation = inReview(guideId, language);
        Version working = store.version(translation.workingVersionId()).orElseThrow();
        if (!mayApprove(staff, working.author(), translation.submittedBy(), settings.fourEyes())) {
            throw new WorkflowException("guides.error.four-eyes");
        }
        publication.publish(guideId, language, staff);
        // whoever approves a text has read it: a translation approved in the office is no longer unchecked
        store.unreviewed(working.id(), false);
        audit(staff, "guide.approve", guideId, language);
    }

    /** A mediator or an editor checked the published translation against the Italian: its notice goes. */
    @Transactional
    void markChecked(long guideId, Language language, String staff) {
        Translation translation = store.translation(guideId, language).filter(Translation::live)
                .orElseThrow(() -> new WorkflowException("guides.error.state"));
        // the published text only: a draft in progress is checked when it is approved
        store.unreviewed(translation.publishedVersionId(), false);
        audit(staff, "guide.translation-checked", guideId, language);
    }

    /** Publishes the working version without review: content imported by an administrator. */
    @Transactional
    void publishImported(long guideId, Language language, String staff) {
        publication.publish(guideId, language, staff);
        audit(staff, "guide.publish-import", guideId, language);
    }

    /** Takes one language off the public site; its texts stay as drafts. */
    @Transactional
    void withdraw(long guideId, Language language, String staff) {
        publication.withdraw(store.byId(guideId).orElseThrow(), language);
        audit(staff, "guide.withdraw", guideId, language);
    }

    /** An editor checked the guide and it is still right: the review date moves on. */
    @Transactional
    void markReviewed(long guideId, String staff) {
        publication.reviewed(guideId);
        events.publishEvent(new Audited(staff, "guide.reviewed", "guide", store.byId(guideId).orElseThrow().slug(), ""));
    }

    private Translation inReview(long guideId, Language language) {
        Translation translation = store.translation(guideId, language).orElseThrow(() -> new WorkflowException("guides.error.state"));
        if (translation.state() != State.IN_REVIEW) {
            throw new WorkflowException("guides.error.state");
        }
        return translation;
    }

    private void audit(String staff, String action, long guideId, Language language) {
        events.publishEvent(new Audited(staff, action, "guide", store.byId(guideId).orElseThrow().slug(), language.code()));
    }
}
