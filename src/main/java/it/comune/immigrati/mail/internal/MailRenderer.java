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
                new Object[] { properties.comune().office(), properties.comune().name() }, message.language().locale());
        String footer = messages.getMessage(message.isWrittenByPerson() ? "mail.footer.person" : "mail.footer",
                new Object[] { properties.comune().email() },
                message.language().locale());

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
        return messages.getMessage(text.key(), text.args().toArray(), message.language().locale());
    }
}
