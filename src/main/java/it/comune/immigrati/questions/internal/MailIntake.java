package it.comune.immigrati.questions.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.mail.InboundMailHandler;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel of the desk. A reply joins its question when it refers to a message we sent (its
 * In-Reply-To or References), carries the marker our e-mails end with, or — only from the question's
 * own requester — names the question's code in its subject. Anything else from a person becomes a new
 * question, acknowledged like one asked on the web. Machine-sent mail is never answered.
 */
@Component
class MailIntake implements InboundMailHandler {

    static final Pattern MARKER = Pattern.compile("\\[(Q-\\d{4}-\\d{6})/([A-Za-z0-9_-]{8})]");
    private static final Pattern CODE = Pattern.compile("\\b(Q-\\d{4}-\\d{6})\\b");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final QuestionDesk desk;
    private final QuestionStore store;
    private final MailOutbox outbox;
    private final LanguageGuess languages;
    private final SubmissionLimits limits;
    private final QuestionsProperties settings;
    private final Set<String> ownAddresses;

    MailIntake(QuestionDesk desk, QuestionStore store, MailOutbox outbox, LanguageGuess languages,
            SubmissionLimits limits, QuestionsProperties settings, AciProperties properties) {
        this.desk = desk;
        this.store = store;
        this.outbox = outbox;
        this.languages = languages;
        this.limits = limits;
        this.settings = settings;
        this.ownAddresses = Set.of(properties.mail().deskAddress().toLowerCase(Locale.ROOT),
                address(properties.mail().from()).toLowerCase(Locale.ROOT));
    }

    @Override
    public Result handle(MimeMessage message, String messageKey) {
        try {
            if (MailParts.isAutomatic(message)) {
                return Result.ignored("automatic message (auto-reply, bounce or bulk): not answered");
            }
            InternetAddress from = sender(message);
            if (from == null) {
                throw new IllegalArgumentException("no sender address");
            }
            String email = from.getAddress().toLowerCase(Locale.ROOT);
            if (ownAddresses.contains(email)) {
                return Result.ignored("sent by this system: not answered");
            }
            String text = MailParts.text(message);
            String messageId = message.getMessageID();
            List<NewAttachment> files = keptFiles(message);
            Optional<Question> existing = thread(message, text, email);
            if (existing.isPresent()) {
                String body = text.isBlank() ? "(" + files.size() + " file)" : text;
                desk.addCitizenMessage(existing.get(), truncate(body), files, messageId);
                return Result.processed("added to " + existing.get().code());
            }
            if (text.isBlank() && files.isEmpty()) {
                return Result.ignored("empty message");
            }
            if (!limits.allow("mail", email)) {
                return Result.ignored("too many questions from " + email + " in the last hour: not answered");
            }
            String subject = message.getSubject() == null ? "" : message.getSubject().strip();
            String body = subject.isEmpty() ? text : subject + "\n\n" + text;
            Question question = desk.submit(new QuestionDesk.Submission(UUID.randomUUID(), email, from.getPersonal(),
                    languages.of(text.isBlank() ? subject : text), QuestionsProperties.FALLBACK_TOPIC, truncate(body), false,
                    files, "EMAIL", messageId));
            return Result.processed("new question " + question.code());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
        }
    }

    private Optional<Question> thread(MimeMessage message, String text, String email) throws MessagingException {
        Set<String> referenced = new LinkedHashSet<>();
        for (String header : new String[] { "In-Reply-To", "References" }) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher ids = MESSAGE_ID.matcher(value);
                while (ids.find()) {
                    referenced.add(ids.group());
                }
            }
        }
        for (String id : referenced) {
            Optional<Question> byReply = outbox.relatedTo(id).filter(r -> r.type().equals("question"))
                    .flatMap(r -> store.byCode(r.id()));
            if (byReply.isPresent()) {
                return byReply;
            }
        }
        Matcher marker = MARKER.matcher(text + "\n" + rawText(message));
        while (marker.find()) {
            String prefix = marker.group(2);
            Optional<Question> byMarker = store.byCode(marker.group(1)).filter(q -> q.accessToken().startsWith(prefix));
            if (byMarker.isPresent()) {
                return byMarker;
            }
        }
        Matcher code = CODE.matcher(message.getSubject() == null ? "" : message.getSubject());
        if (code.find()) {
            return store.byCode(code.group(1)).filter(q -> q.email().equalsIgnoreCase(email));
        }
        return Optional.empty();
    }

    /** The quoted part of a reply is dropped from the text, but the marker may sit in it. */
    private static String rawText(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : "";
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private List<NewAttachment> keptFiles(MimeMessage message) throws MessagingException, IOException {
        List<NewAttachment> kept = new ArrayList<>();
        for (MailParts.File file : MailParts.files(message)) {
            if (kept.size() >= settings.maxAttachments() * 2 || file.content().length > settings.maxAttachmentSize().toBytes()) {
                continue;
            }
            FileTypes.detect(file.content()).ifPresent(type ->
                    kept.add(new NewAttachment(Attachments.safeName(file.name(), type), type, file.content())));
        }
        return kept;
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        var replyTo = message.getReplyTo();
        var addresses = replyTo != null && replyTo.length > 0 ? replyTo : message.getFrom();
        if (addresses == null || addresses.length == 0 || !(addresses[0] instanceof InternetAddress address)) {
            return null;
        }
        return address;
    }

    private static String address(String mailbox) {
        try {
            return new InternetAddress(mailbox).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            return mailbox;
        }
    }

    private static String truncate(String text) {
        return text.length() <= 20000 ? text : text.substring(0, 20000);
    }
}
