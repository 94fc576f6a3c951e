package it.comune.immigrati.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The personal data the mail module keeps about an address: to export it, erase it, and expire it. */
public interface MailPrivacy {

    /** Every message sent to or received from the address, newest first. */
    List<StoredMail> about(String address);

    /** Deletes every message sent to or received from the address; returns how many. */
    int forget(String address);

    /** Deletes delivered and received messages older than {@code age}; returns how many. */
    int expire(Duration age);

    record StoredMail(String direction, String counterpart, String subject, String text, Instant at) {
    }
}
