package it.comune.immigrati.questions.internal.intake;

import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionsProperties;
import org.springframework.stereotype.Component;

/**
 * What each channel may bring in, in one place: how long a text and a name may be, how many files of
 * what size, and what happens beyond a limit. A form (web or API) is refused and can be sent again; an
 * e-mail cannot be sent back to be shortened, so it is cut and what it carries beyond the limits is
 * left out. Every intake path reads its limits here, never from the settings directly.
 */
@Component
class ChannelRules {

    /** Where an e-mail is cut: long quoted threads are common, so it is more than the form allows. */
    static final int MAIL_MAX_TEXT_LENGTH = 20_000;
    /** The shortest question a form takes (an e-mail has a subject and may say little else). */
    static final int FORM_MIN_TEXT_LENGTH = 10;
    static final int MAX_NAME_LENGTH = 120;

    private final Rule web;
    private final Rule api;
    private final Rule email;

    ChannelRules(QuestionsProperties settings) {
        long fileSize = settings.maxAttachmentSize().toBytes();
        this.web = new Rule(Channel.WEB, FORM_MIN_TEXT_LENGTH, settings.maxTextLength(), settings.maxAttachments(),
                fileSize, true);
        this.api = new Rule(Channel.API, FORM_MIN_TEXT_LENGTH, settings.maxTextLength(), settings.maxAttachments(),
                fileSize, true);
        // a mail client adds logos and signatures as files: twice the form's count, the rest left out
        this.email = new Rule(Channel.EMAIL, 0, MAIL_MAX_TEXT_LENGTH, settings.maxAttachments() * 2, fileSize, false);
    }

    Rule of(Channel channel) {
        return switch (channel) {
            case WEB -> web;
            case API -> api;
            case EMAIL -> email;
        };
    }

    /**
     * The limits of one channel. {@code form} channels refuse what is over a limit and ask for a topic,
     * consent and proof of work; the others cut the text and the name and leave out files they cannot keep.
     */
    record Rule(Channel channel, int minTextLength, int maxTextLength, int maxFiles, long maxFileSize, boolean form) {

        /** The text as the desk keeps it: stripped, and cut to the limit where the channel cuts. */
        String keep(String text) {
            String kept = text == null ? "" : text.strip();
            return form || kept.length() <= maxTextLength ? kept : kept.substring(0, maxTextLength).strip();
        }

        /** The sender's name as the desk keeps it: stripped, and cut where the channel cuts. */
        String keepName(String name) {
            String kept = name == null ? "" : name.strip();
            return form || kept.length() <= MAX_NAME_LENGTH ? kept : kept.substring(0, MAX_NAME_LENGTH).strip();
        }

        boolean tooLong(String text) {
            return text.length() > maxTextLength;
        }
    }
}
