package it.comune.immigrati.mail.internal;

import java.util.List;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.platform.AciProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes a {@link MailMessage} out in its language, as plain text and as HTML. */
@Component
class MailRenderer {

    record Rendered(String subject, String text, String html) {
    }

    private final MessageSource messages;
    private final TemplateEngine templates;
    private final AciProperties properties;

    MailRenderer(MessageSource messages, TemplateEngine templates, AciProperties properties) {
        this.messages = messages;
        this.templates = templates;
        this.properties = properties;
    }

    Rendered render(MailMessage message) {
        String subject = text(message, message.subject());
        List<String> paragraphs = message.paragraphs().stream().map(p -> text(message, p)).toList();
        String actionLabel = message.actionLabel() == null ? null : text(message, message.actionLabel());
        String greeting = messages.getMessage("mail.greeting", null, message.language().locale());
        String signature = messages.getMessage("mail.signature",
                isolated(message, List.of(properties.comune().office(), properties.comune().name())), message.language().locale());
        String footer = messages.getMessage(message.isWrittenByPerson() ? "mail.footer.person" : "mail.footer",
                isolated(message, List.of(properties.comune().email())), message.language().locale());

        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        if (actionLabel != null) {
            text.append(actionLabel).append(":\n").append(message.actionUrl()).append("\n\n");
        }
        text.append(signature).append("\n\n-- \n").append(footer).append('\n');

        StringOutput html = new StringOutput();
        templates.render("mail/message.jte", new MailView(message.language().htmlLang(), message.language().dir(),
                subject, greeting, paragraphs, actionLabel, message.actionUrl(), signature, footer), html);
        return new Rendered(subject, text.toString(), html.toString());
    }

    private String text(MailMessage message, MailMessage.Text text) {
        if (text.key() == null) {
            return String.valueOf(text.args().get(0));
        }
        return messages.getMessage(text.key(), isolated(message, text.args()), message.language().locale());
    }

    /**
     * In a right-to-left language, each text put into a sentence (a question's code, an address, the
     * office's name) is set apart by Unicode isolates (FSI … PDI), so that its own direction cannot
     * reorder the words around it: "Q-2026-0042." or an e-mail address before a full stop stay whole
     * and in place in a plain-text mail as in HTML.
     */
    private static Object[] isolated(MailMessage message, List<Object> args) {
        if (!"rtl".equals(message.language().dir())) {
            return args.toArray();
        }
        return args.stream().map(arg -> arg instanceof CharSequence text ? FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE : arg)
                .toArray();
    }

    static final String FIRST_STRONG_ISOLATE = "\u2068";
    static final String POP_DIRECTIONAL_ISOLATE = "\u2069";
}
