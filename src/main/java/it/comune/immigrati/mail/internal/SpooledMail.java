package it.comune.immigrati.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import it.comune.immigrati.platform.Secrets;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A received message in a private temporary file while it is stored or handled, so that a 25 MB
 * message is never held in memory whole: it is written there from the IMAP stream, sent to the
 * database as a stream, read back in one-megabyte slices, and parsed in place (the parts of a
 * {@link MimeMessage} built on a {@link SharedFileInputStream} point into the file instead of copying
 * it). The file is deleted on close.
 */
final class SpooledMail implements AutoCloseable {

    private static final int SLICE = 1 << 20;

    private final Path file;
    private final List<SharedFileInputStream> opened = new ArrayList<>();

    private SpooledMail(Path file) {
        this.file = file;
    }

    /** The message as the IMAP server sends it (in pieces of {@code mail.imap.fetchsize}). */
    static SpooledMail of(Message message) throws IOException, MessagingException {
        SpooledMail spooled = new SpooledMail(newFile());
        try (OutputStream out = Files.newOutputStream(spooled.file)) {
            message.writeTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            spooled.close();
            throw e;
        }
        return spooled;
    }

    /** A stored message's raw bytes, read back a slice at a time. */
    static SpooledMail of(JdbcClient jdbc, long id) throws IOException {
        SpooledMail spooled = new SpooledMail(newFile());
        try (OutputStream out = Files.newOutputStream(spooled.file)) {
            for (int from = 1; ; from += SLICE) {
                byte[] slice = jdbc.sql("SELECT substring(raw FROM :from FOR :length) FROM mail_inbound WHERE id = :id")
                        .param("from", from).param("length", SLICE).param("id", id).query(byte[].class).single();
                out.write(slice);
                if (slice.length < SLICE) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
        return spooled;
    }

    /** The same kind of file for bytes already in memory (tests, and the header block of a message too large to fetch). */
    static SpooledMail of(byte[] raw) {
        try {
            SpooledMail spooled = new SpooledMail(newFile());
            Files.write(spooled.file, raw);
            return spooled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newFile() throws IOException {
        return Files.createTempFile("aci-mail-", ".eml"); // readable by this user only, on POSIX systems
    }

    long size() throws IOException {
        return Files.size(file);
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /** The message parsed in place; its streams are closed with this spool. */
    MimeMessage parse() throws IOException, MessagingException {
        SharedFileInputStream in = new SharedFileInputStream(file.toFile());
        opened.add(in);
        return new MimeMessage(Session.getInstance(new Properties()), in);
    }

    byte[] sha256() throws IOException {
        MessageDigest digest = Secrets.sha256Digest();
        try (InputStream in = new DigestInputStream(open(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    @Override
    public void close() {
        for (SharedFileInputStream in : opened) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the file is deleted below either way
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
