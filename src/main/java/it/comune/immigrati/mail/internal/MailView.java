package it.comune.immigrati.mail.internal;

import java.util.List;

/** What the HTML mail template shows. */
public record MailView(String lang, String dir, String subject, String greeting, List<String> paragraphs,
        String actionLabel, String actionUrl, String signature, String footer) {
}
