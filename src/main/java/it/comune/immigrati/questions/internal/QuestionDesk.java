package it.comune.immigrati.questions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.platform.Audited;
import it.comune.immigrati.platform.WorkingDays;
import it.comune.immigrati.questions.QuestionSubmitted;
import it.comune.immigrati.questions.internal.QuestionRecords.Kind;
import it.comune.immigrati.questions.internal.QuestionRecords.Message;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionRecords.Status;
import it.comune.immigrati.site.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents and staff do with questions. Every change and the e-mail it causes are written in one
 * transaction: when a resident is told "received", the question and its confirmation are stored.
 */
@Service
public class QuestionDesk {

    private final QuestionStore store;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final AciProperties properties;
    private final QuestionsProperties settings;
    private final WorkingDays workingDays;
    private final NeedToKnow needToKnow;
    private final Clock clock;
    private final ColleagueViews views;
    private final it.comune.immigrati.accounts.StaffDirectory staffDirectory;

    QuestionDesk(QuestionStore store, MailOutbox outbox, ApplicationEventPublisher events, AciProperties properties,
            QuestionsProperties settings, WorkingDays workingDays, Clock clock, NeedToKnow needToKnow,
            ColleagueViews views, it.comune.immigrati.accounts.StaffDirectory staffDirectory) {
        this.staffDirectory = staffDirectory;
        this.views = views;
        this.needToKnow = needToKnow;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.properties = properties;
        this.settings = settings;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** A new question that has passed {@link QuestionIntake}, ready to be stored. */
    public record Admitted(UUID submissionKey, String email, String name, Language language, String topic, String text,
            boolean publishConsent, List<NewAttachment> attachments, Channel channel, String mailMessageId,
            boolean proofOfWork) {

        public Admitted(UUID submissionKey, String email, String name, Language language, String topic, String text,
                boolean publishConsent, List<NewAttachment> attachments, Channel channel, String mailMessageId) {
            this(submissionKey, email, name, language, topic, text, publishConsent, attachments, channel, mailMessageId,
                    false);
        }

        public Admitted withProofOfWork(boolean solved) {
            return new Admitted(submissionKey, email, name, language, topic, text, publishConsent, attachments, channel,
                    mailMessageId, solved);
        }
    }

    /**
     * A submission key already used by another e-mail address: the request is refused (nothing is stored),
     * never answered with that question.
     */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("submission key already used by another address", null, false, false);
        }
    }

    /** A stored question; {@code first} is false when the submission key had stored it before. */
    public record Stored(Question question, boolean first) {
    }

    /**
     * Stores a new question and queues its confirmation; a repeated submission key returns the first
     * question when it comes from the same address, and throws {@link KeyTaken} when not. Channels come
     * through {@link QuestionIntake}, which applies the rules first.
     */
    @Transactional
    public Stored submit(Admitted submission) {
        String code = new QuestionCode(LocalDate.now(clock).getYear(), store.nextNumber()).toString();
        Question question = store.insert(new QuestionStore.NewQuestion(submission.submissionKey(), submission.email(),
                blankToNull(submission.name()), submission.language().code(), submission.topic(), submission.channel(),
                submission.publishConsent(), dueAt()), code, Secrets.linkToken());
        if (!question.code().equals(code)) {
            return new Stored(question, false); // a double click: the first submission stands, nothing more to do
        }
        long message = store.addMessage(question.id(), Kind.CITIZEN, null, submission.text(), submission.mailMessageId());
        submission.attachments().forEach(a -> store.addAttachment(message, a));
        if (submission.proofOfWork()) {
            store.markProofOfWork(question.id());
        }
        outbox.queue(MailMessage.to(question.email(), submission.language())
                .subject("questions.mail.received.subject", question.code())
                .paragraph("questions.mail.received.body", question.code())
                .paragraph("questions.mail.received.when", settings.answerWithinWorkingDays())
                .action("questions.mail.received.action", privateLink(question))
                .paragraph("questions.mail.received.keep")
                .verbatim(marker(question))
                .inReplyTo(submission.mailMessageId())
                .about("question", question.code()));
        events.publishEvent(new QuestionSubmitted(question.code(), question.topic(), question.language(),
                question.channel().name()));
        return new Stored(question, true);
    }

    /** Ends every e-mail about a question, so a reply finds its question even without its headers. */
    static String marker(Question question) {
        return "[" + question.code() + "/" + question.accessToken().substring(0, 8) + "]";
    }

    /** The private page's full address, in the question's language: opened on any device, it speaks that language. */
    public String privateLink(Question question) {
        return properties.mail().publicBaseUrl() + "/quesiti/stato/" + question.accessToken() + "?lang=" + question.language();
    }

    private Instant dueAt() {
        LocalDate due = workingDays.plusWorkingDays(LocalDate.now(clock), settings.answerWithinWorkingDays());
        return due.atTime(LocalTime.of(18, 0)).atZone(clock.getZone()).toInstant();
    }

    // ---- the resident, through the private link ----

    public Optional<Question> byToken(String token) {
        if (!wellFormedToken(token)) {
            return Optional.empty();
        }
        return store.byToken(token);
    }

    public static boolean wellFormedToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22}");
    }

    public List<Message> publicThread(Question question) {
        return store.thread(question.id(), false);
    }

    @Transactional
    public void addCitizenMessage(Question question, String text, List<NewAttachment> attachments, String mailMessageId) {
        long message = store.addMessage(question.id(), Kind.CITIZEN, null, text, mailMessageId);
        attachments.forEach(a -> store.addAttachment(message, a));
        if (question.status() == Status.ANSWERED || question.status() == Status.WAITING
                || question.status() == Status.CLOSED) {
            store.setStatus(question.id(), question.assignedTo() == null ? Status.NEW : Status.OPEN);
        }
    }

    @Transactional
    public void rate(Question question, int rating, String comment) {
        store.rate(question.id(), rating, blankToNull(comment));
    }

    @Transactional
    public void closeByResident(Question question) {
        store.setStatus(question.id(), Status.CLOSED);
    }

    public Optional<QuestionStore.AttachmentContent> attachment(Question question, long attachmentId) {
        return store.attachment(question.id(), attachmentId);
    }

    // ---- staff ----

    /**
     * A staff member opens a question: recorded in the audit log, as every read of personal data is. A
     * question the member may not see ({@link NeedToKnow}) is not there for them.
     */
    /** Page loads of one question by one person within this time are one visit, one read in the audit log. */
    static final java.time.Duration READ_VISIT = java.time.Duration.ofMinutes(30);

    @Transactional
    Optional<Question> open(String code, String staff) {
        Optional<Question> question = visible(code, staff);
        question.ifPresent(q -> {
            if (views.seen(q.id(), staff, READ_VISIT)) {
                events.publishEvent(new Audited(staff, "question.read", "question", q.code(), ""));
            }
        });
        return question;
    }

    /** A question by code if {@code staff} may see it, without recording a read (for actions on it). */
    Optional<Question> visible(String code, String staff) {
        NeedToKnow.Scope scope = needToKnow.of(staff);
        return store.byCode(code).filter(scope::sees);
    }

    /** A staff member downloads an attachment: a read of personal data, audited like opening the question. */
    @Transactional
    Optional<QuestionStore.AttachmentContent> staffAttachment(Question question, long attachmentId, String staff) {
        Optional<QuestionStore.AttachmentContent> file = store.attachment(question.id(), attachmentId);
        file.ifPresent(f -> events.publishEvent(new Audited(staff, "question.attachment-read", "question",
                question.code(), "attachment " + attachmentId)));
        return file;
    }

    List<Message> staffThread(Question question) {
        return store.thread(question.id(), true);
    }

    /** The resident's other questions, those {@code staff} may see. */
    List<Question> othersFrom(Question question, String staff) {
        NeedToKnow.Scope scope = needToKnow.of(staff);
        return store.othersFrom(question.email(), question.id()).stream().filter(scope::sees).toList();
    }

    List<String> colleaguesViewing(Question question, String staff) {
        return views.othersThan(question.id(), staff, settings.colleagueViewWindow());
    }

    @Transactional
    void assign(Question question, String assignee, String staff) {
        store.assign(question.id(), assignee);
        events.publishEvent(new Audited(staff, "question.assign", "question", question.code(),
                assignee == null ? "–" : "→ " + assignee));
        if (assignee != null && !assignee.equals(staff)) {
            // only the code and a link: the question itself is read in the staff area, after signing in
            staffDirectory.member(assignee).filter(m -> m.email() != null && !m.email().isBlank()).ifPresent(member ->
                    outbox.queue(MailMessage.to(member.email(), Language.DEFAULT)
                            .subject("questions.mail.assigned.subject", question.code())
                            .paragraph("questions.mail.assigned.body", question.code(), staff)
                            // not "about" the question: a reply to it must never join the resident's thread
                            .action("questions.mail.assigned.action", properties.mail().publicBaseUrl() + "/ufficio/quesiti/" + question.code())));
        }
    }

    /** The e-mail an answer would become, for the operator to read before sending. */
    MailOutbox.Preview previewAnswer(Question question, String text, boolean askForMore) {
        return outbox.preview(answerMail(question, text, askForMore));
    }

    private MailMessage answerMail(Question question, String text, boolean askForMore) {
        Language language = Language.byCode(question.language()).orElse(Language.DEFAULT);
        return MailMessage.to(question.email(), language)
                .subject("questions.mail.answer.subject", question.code())
                .paragraph(askForMore ? "questions.mail.answer.more" : "questions.mail.answer.intro", question.code())
                .verbatim(text)
                .action("questions.mail.answer.action", privateLink(question))
                .paragraph("questions.mail.answer.reply")
                .verbatim(marker(question))
                .about("question", question.code())
                .writtenByPerson();
    }

    /** Sends an answer: stored, and queued as e-mail in the resident's language, in one transaction. */
    @Transactional
    void answer(Question question, String text, List<NewAttachment> attachments, boolean askForMore, String staff) {
        long message = store.addMessage(question.id(), Kind.ANSWER, staff, text, null);
        attachments.forEach(a -> store.addAttachment(message, a));
        if (question.assignedTo() == null) {
            store.assign(question.id(), staff);
        }
        store.setStatus(question.id(), askForMore ? Status.WAITING : Status.ANSWERED);
        String lastCitizenMail = store.thread(question.id(), false).stream()
                .filter(m -> m.kind() == Kind.CITIZEN && m.mailMessageId() != null)
                .reduce((first, second) -> second).map(Message::mailMessageId).orElse(null);
        String mailId = outbox.queue(answerMail(question, text, askForMore).inReplyTo(lastCitizenMail));
        store.setMailMessageId(message, mailId);
        events.publishEvent(new Audited(staff, "question.answer", "question", question.code(), ""));
    }

    @Transactional
    public void note(Question question, String text, String staff) {
        store.addMessage(question.id(), Kind.NOTE, staff, text, null);
        events.publishEvent(new Audited(staff, "question.note", "question", question.code(), ""));
    }

    @Transactional
    void setStatus(Question question, Status status, String staff) {
        store.setStatus(question.id(), status);
        events.publishEvent(new Audited(staff, "question.status", "question", question.code(), status.name()));
    }

    @Transactional
    void markSpam(Question question, String staff) {
        store.markSpam(question.id());
        events.publishEvent(new Audited(staff, "question.spam", "question", question.code(), ""));
    }

    /** A duplicate joins the question it repeats: its messages move there, it is closed as merged. */
    @Transactional
    void merge(Question duplicate, Question into, String staff) {
        store.merge(duplicate.id(), into.id(), into.code());
        store.addMessage(into.id(), Kind.NOTE, staff, "Unito il quesito " + duplicate.code(), null);
        events.publishEvent(new Audited(staff, "question.merge", "question", duplicate.code(), "→ " + into.code()));
    }

    @Transactional
    void setProtection(Question question, boolean protection, String staff) {
        store.setProtection(question.id(), protection);
        events.publishEvent(new Audited(staff, protection ? "question.escalate" : "question.de-escalate", "question",
                question.code(), ""));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
