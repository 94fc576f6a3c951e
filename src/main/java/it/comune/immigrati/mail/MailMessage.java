package it.comune.immigrati.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import it.comune.immigrati.site.Language;

/**
 * An e-mail to queue, described by message keys so that it is written in the recipient's language:
 * a subject, paragraphs, and at most one call to action (a link). The mail module renders it as text
 * and HTML when it is queued.
 */
public final class MailMessage {

    /** A message key and its arguments; with no key, the single argument is verbatim text. */
    public record Text(String key, List<Object> args) {
    }

    private final String recipient;
    private final Language language;
    private Text subject;
    private final List<Text> paragraphs = new ArrayList<>();
    private Text actionLabel;
    private String actionUrl;
    private String relatedType;
    private String relatedId;
    private String inReplyTo;
    private boolean writtenByPerson;
    private final List<Attachment> attachments = new ArrayList<>();

    /** A file sent with the message (a calendar entry, a receipt). */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    private MailMessage(String recipient, Language language) {
        this.recipient = Objects.requireNonNull(recipient);
        this.language = Objects.requireNonNull(language);
    }

    public static MailMessage to(String recipient, Language language) {
        return new MailMessage(recipient, language);
    }

    public MailMessage subject(String key, Object... args) {
        this.subject = new Text(key, List.of(args));
        return this;
    }

    public MailMessage paragraph(String key, Object... args) {
        paragraphs.add(new Text(key, List.of(args)));
        return this;
    }

    /** Text written by a person (an answer, a quotation), kept as it is, line breaks included. */
    public MailMessage verbatim(String text) {
        paragraphs.add(new Text(null, List.of(text)));
        return this;
    }

    /** Sends a file with the message; it is stored with it in the outbox until delivered. */
    public MailMessage attach(String filename, String contentType, byte[] content) {
        attachments.add(new Attachment(Objects.requireNonNull(filename), Objects.requireNonNull(contentType),
                content.clone()));
        return this;
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    public MailMessage action(String labelKey, String url) {
        this.actionLabel = new Text(labelKey, List.of());
        this.actionUrl = url;
        return this;
    }

    /** The record this message is about, so staff can see its delivery next to it. */
    public MailMessage about(String type, String id) {
        this.relatedType = type;
        this.relatedId = id;
        return this;
    }

    public MailMessage inReplyTo(String messageId) {
        this.inReplyTo = messageId;
        return this;
    }

    /**
     * A letter a person wrote (an operator's answer): it is not marked as automatic mail, and its footer
     * invites a reply instead of saying it was sent automatically.
     */
    public MailMessage writtenByPerson() {
        this.writtenByPerson = true;
        return this;
    }

    public boolean isWrittenByPerson() {
        return writtenByPerson;
    }

    public String recipient() {
        return recipient;
    }

    public Language language() {
        return language;
    }

    public Text subject() {
        return subject;
    }

    public List<Text> paragraphs() {
        return List.copyOf(paragraphs);
    }

    public Text actionLabel() {
        return actionLabel;
    }

    public String actionUrl() {
        return actionUrl;
    }

    public String relatedType() {
        return relatedType;
    }

    public String relatedId() {
        return relatedId;
    }

    public String inReplyTo() {
        return inReplyTo;
    }
}
