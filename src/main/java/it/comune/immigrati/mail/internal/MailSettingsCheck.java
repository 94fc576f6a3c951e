package it.comune.immigrati.mail.internal;

import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmailAddresses;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

/**
 * Mail settings are checked at start: a sender the strict RFC 5322 parser refuses, a desk address that
 * is not one, or a port out of range would otherwise fail every single send, hours later, one WARN line
 * at a time. The start stops instead, naming each key and what is wrong with it.
 */
@Component
class MailSettingsCheck {

    MailSettingsCheck(AciProperties properties) {
        List<String> problems = problems(properties.mail());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mail settings are not usable:\n  - " + String.join("\n  - ", problems));
        }
    }

    static List<String> problems(AciProperties.Mail mail) {
        List<String> problems = new ArrayList<>();
        try {
            InternetAddress from = new InternetAddress(mail.from(), true);
            if (!EmailAddresses.valid(from.getAddress())) {
                problems.add("aci.mail.from: \"" + mail.from() + "\" has no usable address (write it as Name <address@domain>)");
            }
        } catch (AddressException e) {
            problems.add("aci.mail.from: \"" + mail.from() + "\" is not an address (" + e.getMessage()
                    + "); write it as Name <address@domain>, a name with commas or dots in double quotes");
        }
        if (!EmailAddresses.valid(mail.deskAddress())) {
            problems.add("aci.mail.desk-address: \"" + mail.deskAddress() + "\" is not an e-mail address");
        }
        if (mail.imap().port() < 0 || mail.imap().port() > 65535) {
            problems.add("aci.mail.imap.port: " + mail.imap().port() + " is not a port (0 means the default)");
        }
        for (int port : new int[] { mail.embedded().smtpPort(), mail.embedded().imapPort() }) {
            if (port < 0 || port > 65535) {
                problems.add("aci.mail.embedded: port " + port + " is not a port (0 means any free one)");
            }
        }
        if (mail.imap().host() != null && (mail.imap().username() == null || mail.imap().username().isBlank())) {
            problems.add("aci.mail.imap.username: needed when aci.mail.imap.host is set");
        }
        return problems;
    }
}
