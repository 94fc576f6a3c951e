package it.comune.immigrati.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import it.comune.immigrati.mail.InboundMailHandler;
import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.platform.EmbeddedMailServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the desk mailbox by UID, never by "unread" flags: a stored high-water mark says which UIDs are
 * taken, each message is stored once by its Message-ID, then handed to the handlers exactly once. One
 * node at a time fetches, under a claim with a lease ({@link InboundStore}), so several nodes can run
 * this safely; no transaction is open while the IMAP server is talking. A crash between fetching and
 * committing only means the same UIDs are fetched again and found already stored.
 */
@Component
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<InboundMailHandler> handlers;
    private final AciProperties.Mail.Imap settings;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final java.time.Duration connectTimeout;
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> lastSuccess =
            new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
    private final java.util.concurrent.atomic.AtomicReference<String> lastError = new java.util.concurrent.atomic.AtomicReference<>();
    private final io.micrometer.core.instrument.Counter errors;
    private final InboundStore inbound;
    private final MailboxTidy tidy;
    private final TooLargeReply tooLarge;
    private final org.springframework.util.unit.DataSize maxMessageSize;
    private final java.util.concurrent.atomic.AtomicInteger failuresInARow = new java.util.concurrent.atomic.AtomicInteger();
    private final java.time.Duration timeout;

    ImapPoller(JdbcClient jdbc, InboundStore inbound, MailboxTidy tidy, TooLargeReply tooLarge, TransactionTemplate transactions,
            List<InboundMailHandler> handlers, AciProperties properties, Optional<EmbeddedMailServer> embedded,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.jdbc = jdbc;
        this.inbound = inbound;
        this.tidy = tidy;
        this.tooLarge = tooLarge;
        this.maxMessageSize = properties.mail().imap().maxMessageSize();
        this.errors = meters.counter("aci.mail.inbound.poll.errors");
        meters.gauge("aci.mail.inbound.quarantined", jdbc, db -> db.sql("SELECT count(*) FROM mail_inbound WHERE status = 'QUARANTINED'")
                .query(Long.class).single());
        this.transactions = transactions;
        this.handlers = handlers;
        this.settings = properties.mail().imap();
        this.connectTimeout = properties.mail().connectTimeout();
        this.timeout = properties.mail().timeout();
        boolean useEmbedded = settings.host() == null && embedded.isPresent();
        this.host = useEmbedded ? embedded.get().smtpHost() : settings.host();
        this.port = useEmbedded ? embedded.get().imapPort() : settings.port();
        this.username = useEmbedded ? properties.mail().deskAddress() : settings.username();
        this.password = useEmbedded ? EmbeddedMailServer.DESK_PASSWORD : settings.password();
    }

    /** Fetches what is new and processes everything pending; returns how many messages were stored. */
    int poll() {
        int stored = host == null ? 0 : fetch();
        processPending();
        return stored;
    }

    int fetch() {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        properties.put("mail.imap.timeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.imap.writetimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.imap.ssl.enable", String.valueOf(settings.ssl()));
        // a large message in 1 MB pieces rather than the default 16 KB: 25 round trips instead of 1,600
        properties.put("mail.imap.fetchsize", String.valueOf(1024 * 1024));
        properties.put("mail.imap.peek", "true"); // reading a message leaves it unread for the people who use the mailbox too
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(host, port, username, password);
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                tidy.tidy(store, folder, username + "/" + settings.folder(), settings.processedFolder());
                int stored = storeNew((UIDFolder) folder);
                lastSuccess.set(java.time.Instant.now());
                lastError.set(null);
                failuresInARow.set(0);
                return stored;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("Cannot read the desk mailbox {} on {}:{}: {}", username, host, port, e.getMessage());
            lastError.set(OutboxSender.describe(e));
            failuresInARow.incrementAndGet();
            errors.increment();
            return 0;
        }
    }

    /** Whether this node reads a mailbox at all (it does not when no IMAP server is configured). */
    boolean reads() {
        return host != null && settings.enabled();
    }

    /** Polls that failed since the last one that worked. */
    int failuresInARow() {
        return failuresInARow.get();
    }

    /** When the mailbox was last read without an error, and the last error since, if any. */
    java.time.Instant lastSuccess() {
        return lastSuccess.get();
    }

    String lastError() {
        return lastError.get();
    }

    java.time.Duration pollInterval() {
        return settings.pollInterval();
    }

    /**
     * Takes the messages past the mark, one short transaction each. A message larger than
     * {@code aci.mail.imap.max-message-size} (by the server's RFC822.SIZE, before anything is fetched) is
     * kept with its headers only, in the quarantine, and its sender is told how to send the documents.
     */
    private int storeNew(UIDFolder uids) throws MessagingException {
        long validity = uids.getUIDValidity();
        String mailbox = username + "/" + settings.folder();
        java.util.OptionalLong claimed = inbound.claim(mailbox, validity, lease());
        if (claimed.isEmpty()) {
            return 0; // another node is fetching right now
        }
        try {
            long lastUid = claimed.getAsLong();
            Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
            jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(jakarta.mail.FetchProfile.Item.SIZE);
            ((Folder) uids).fetch(messages, profile);
            int stored = 0;
            for (Message message : messages) {
                long uid = uids.getUID(message);
                if (uid <= lastUid) {
                    continue; // IMAP's "n:*" always includes the last message
                }
                stored += storeOne(mailbox, validity, uid, message) ? 1 : 0;
            }
            return stored;
        } catch (IOException e) {
            throw new MessagingException("Reading the desk mailbox failed", e);
        } finally {
            inbound.release(mailbox);
        }
    }

    private boolean storeOne(String mailbox, long validity, long uid, Message message) throws MessagingException, IOException {
        long size = message.getSize();
        if (size > maxMessageSize.toBytes()) {
            byte[] headers = headers(message);
            String outcome = "too large: " + megabytes(size) + " MB, more than the " + megabytes(maxMessageSize.toBytes())
                    + " MB the desk takes; kept with its headers only, the sender was told how to send the documents";
            try (SpooledMail spooled = SpooledMail.of(headers)) {
                Envelope envelope = Envelope.of(spooled);
                return Boolean.TRUE.equals(transactions.execute(status -> {
                    boolean fresh = inbound.store(mailbox, validity, uid, envelope, spooled, "QUARANTINED", outcome, lease());
                    if (fresh) {
                        tooLarge.tell(headers, size, maxMessageSize.toBytes());
                    }
                    return fresh;
                }));
            }
        }
        try (SpooledMail raw = SpooledMail.of(message)) {
            Envelope envelope = Envelope.of(raw);
            return Boolean.TRUE.equals(transactions.execute(status -> inbound.store(mailbox, validity, uid, envelope, raw, "NEW", null, lease())));
        }
    }

    private java.time.Duration lease() {
        return connectTimeout.plus(timeout.multipliedBy(4)).plusMinutes(1);
    }

    static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /** The header block, as the server has it, and a line saying the body was left on the server. */
    private static byte[] headers(Message message) throws MessagingException {
        StringBuilder block = new StringBuilder();
        java.util.Enumeration<String> lines = ((jakarta.mail.internet.MimePart) message).getAllHeaderLines();
        while (lines.hasMoreElements()) {
            block.append(lines.nextElement()).append("\r\n");
        }
        block.append("\r\n(body not fetched: the message is larger than the desk takes)\r\n");
        return block.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Hands each stored message to the handlers, one transaction per message. */
    void processPending() {
        while (true) {
            try {
                Optional<Long> next = transactions.execute(status -> processOne());
                if (next == null || next.isEmpty()) {
                    return;
                }
            } catch (QuarantineException e) {
                quarantine(e);
            }
        }
    }

    private Optional<Long> processOne() {
        record Pending(long id, String key) {
        }
        Optional<Pending> pending = jdbc.sql("""
                SELECT id, message_key FROM mail_inbound WHERE status = 'NEW'
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2))).optional();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Pending mail = pending.get();
        try (SpooledMail raw = SpooledMail.of(jdbc, mail.id())) {
            MimeMessage message = raw.parse();
            InboundMailHandler.Result result = InboundMailHandler.Result.ignored("no handler");
            for (InboundMailHandler handler : handlers) {
                result = handler.handle(message, mail.key());
                if (!result.ignored()) {
                    break; // taken (or held back) by one module: the others do not see it
                }
            }
            finish(mail.id(), result.held() ? "QUARANTINED" : result.ignored() ? "IGNORED" : "PROCESSED", result.description());
        } catch (RuntimeException | MessagingException | IOException e) {
            throw new QuarantineException(mail.id(), e);
        }
        return Optional.of(mail.id());
    }

    private void finish(long id, String status, String outcome) {
        jdbc.sql("""
                UPDATE mail_inbound SET status = :status, outcome = :outcome, processed_at = now(), updated_at = now()
                WHERE id = :id
                """).param("status", status).param("outcome", truncate(outcome)).param("id", id).update();
    }

    /** A message the handlers could not take: its transaction rolls back, then it is set aside in one of its own. */
    static final class QuarantineException extends RuntimeException {
        final long id;

        QuarantineException(long id, Exception cause) {
            super(cause);
            this.id = id;
        }
    }

    void quarantine(QuarantineException failure) {
        Throwable cause = failure.getCause();
        log.warn("Desk mail {} quarantined: {}", failure.id, cause.toString());
        transactions.executeWithoutResult(status -> finish(failure.id, "QUARANTINED", cause.toString()));
    }

    /**
     * What is stored beside a raw message. A message the mail library cannot even read (its parser throws,
     * as a fuzzing run found for a header block that starts with a continuation line) is still stored,
     * under the hash of its bytes, so that it is quarantined when processed instead of stopping the poll
     * at the same message for ever.
     */
    record Envelope(String key, String sender, String subject, List<String> addresses) {

        static Envelope of(byte[] raw) {
            try (SpooledMail spooled = SpooledMail.of(raw)) {
                return of(spooled);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static Envelope of(SpooledMail raw) throws IOException {
            try {
                MimeMessage parsed = raw.parse();
                String id = parsed.getMessageID();
                String key = id != null && !id.isBlank() ? id.strip() : hashKey(raw);
                return new Envelope(key, ImapPoller.sender(parsed), ImapPoller.subject(parsed), NamedAddresses.of(parsed));
            } catch (MessagingException | RuntimeException unreadable) {
                return new Envelope(hashKey(raw), null, null, List.of());
            }
        }

        private static String hashKey(SpooledMail raw) throws IOException {
            return "sha256:" + HexFormat.of().formatHex(raw.sha256());
        }
    }

    private static String sender(MimeMessage message) {
        try {
            return message.getFrom() == null || message.getFrom().length == 0 ? null
                    : truncate(message.getFrom()[0] instanceof InternetAddress a ? a.getAddress() : message.getFrom()[0].toString());
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return truncate(message.getSubject());
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
