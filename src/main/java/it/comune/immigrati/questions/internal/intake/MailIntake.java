package it.comune.immigrati.questions.internal.intake;

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
import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionCode;
import it.comune.immigrati.questions.internal.QuestionDesk;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.QuestionStore;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel of the desk. A reply joins its question when it refers to a message we sent (its
 * In-Reply-To or References), carries the marker our e-mails end with, or — only when its From is the
 * question's own requester (never its Reply-To, which anyone can write) — names the question's code in
 * its subject. A message that names a code and comes from someone else becomes a new question with a
 * note that links the two, for an operator to merge. Anything else from a person becomes a new
 * question, acknowledged like one asked on the web. Machine-sent mail is never answered. The hourly
 * allowances count per sender: what is over them is held in the quarantine, never dropped.
 */
@Component
class MailIntake implements InboundMailHandler {

    static final Pattern MARKER = Pattern.compile("\\[(" + QuestionCode.REGEX + ")/([A-Za-z0-9_-]{8})]");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    /** The client of an e-mail for the hourly allowances: its sender, so that one sender's flood holds back only theirs. */
    static String client(String email) {
        return "mail:" + email;
    }

    private final QuestionDesk desk;
    private final QuestionIntake intake;
    private final Attachments attachments;
    private final QuestionStore store;
    private final MailOutbox outbox;
    private final LanguageGuess languages;
    private final Set<String> ownAddresses;

    MailIntake(QuestionDesk desk, QuestionIntake intake, Attachments attachments, QuestionStore store, MailOutbox outbox,
            LanguageGuess languages, AciProperties properties) {
        this.desk = desk;
        this.intake = intake;
        this.attachments = attachments;
        this.store = store;
        this.outbox = outbox;
        this.languages = languages;
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
            String author = author(message);
            if (ownAddresses.contains(email)) {
                return Result.ignored("sent by this system: not answered");
            }
            String text = MailParts.text(message);
            // what the e-mail channel's rule keeps of them, the same for a reply as for a new question
            ChannelRules.Rule rule = intake.rule(Channel.EMAIL);
            // decoded to temporary files, deleted once the message is stored
            try (MailParts.Files spooled = MailParts.files(message, rule.maxFileSize())) {
                List<Submission.Upload> files = spooled.list().stream()
                        .map(f -> new Submission.Upload(f.name(), f.size(), f::open)).toList();
                return take(message, from, email, author, text, rule, files);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
        }
    }

    private Result take(MimeMessage message, InternetAddress from, String email, String author, String text,
            ChannelRules.Rule rule, List<Submission.Upload> files) throws MessagingException {
        String messageId = message.getMessageID();
        List<NewAttachment> kept = attachments.check(files, rule).files();
        Optional<Question> existing = thread(message, text, author);
        if (existing.isPresent()) {
            String body = text.isBlank() ? "(" + kept.size() + " file)" : text;
            desk.addCitizenMessage(existing.get(), rule.keep(body), kept, messageId);
            return Result.processed("added to " + existing.get().code());
        }
        if (text.isBlank() && kept.isEmpty()) {
            return Result.ignored("empty message");
        }
        String subject = message.getSubject() == null ? "" : message.getSubject().strip();
        IntakeResult result = intake.accept(new Submission(Channel.EMAIL, UUID.randomUUID(), email, from.getPersonal(),
                languages.of(text.isBlank() ? subject : text).code(), QuestionsProperties.FALLBACK_TOPIC,
                subject.isEmpty() ? text : subject + "\n\n" + text, false, false, files, null, null, messageId),
                client(email));
        if (result instanceof IntakeResult.Accepted accepted) {
            Optional<Question> named = namedInSubject(message);
            if (named.isPresent()) {
                desk.note(accepted.question(), "Questa e-mail cita nell'oggetto il quesito " + named.get().code()
                        + ", ma non arriva dall'indirizzo di chi lo ha posto: se è la stessa persona, unisci i due quesiti.",
                        "sistema");
            }
        }
        return outcome(result, email);
    }

    private Optional<Question> thread(MimeMessage message, String text, String author) throws MessagingException {
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
        return namedInSubject(message).filter(q -> author != null && q.email().equalsIgnoreCase(author));
    }

    private Optional<Question> namedInSubject(MimeMessage message) throws MessagingException {
        return QuestionCode.findIn(message.getSubject()).flatMap(code -> store.byCode(code.toString()));
    }

    /** The From address: who wrote it, as far as mail can tell. */
    private static String author(MimeMessage message) throws MessagingException {
        var from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null
                ? address.getAddress().toLowerCase(Locale.ROOT) : null;
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

    private static Result outcome(IntakeResult result, String email) {
        if (result instanceof IntakeResult.Accepted accepted) {
            return Result.processed("new question " + accepted.question().code());
        }
        if (result instanceof IntakeResult.Refused refused) {
            return Result.ignored("refused by the intake rules " + refused.errors() + ": not answered");
        }
        if (result instanceof IntakeResult.Limited) {
            return Result.held("too many questions from " + email + " in the last hour: held back; process it again later");
        }
        if (result instanceof IntakeResult.Unavailable unavailable) {
            // as before the pipeline: thrown, so the poller's transaction (and the message's mark) rolls back
            throw unavailable.failure();
        }
        // a fresh random key: neither a duplicate nor a key taken can come back
        throw new IllegalStateException("unexpected intake result for an e-mail: " + result);
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
}
