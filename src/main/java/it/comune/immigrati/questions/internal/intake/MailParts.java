package it.comune.immigrati.questions.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import it.comune.immigrati.mail.AutomaticMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/** Reads what a resident's e-mail says: its text, its files, and whether a machine sent it. */
final class MailParts {

    private static final PolicyFactory NO_TAGS = new HtmlPolicyBuilder().toFactory();
    /** "On Mon, 1 Dec 2026, X wrote:" and its usual translations: where a quoted reply begins. */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On|Il|Le|El|În|Am|Më|У|在|في) .{0,200}(wrote|scritto|écrit|escribió|scris|schrieb|shkroi|написав|写道|كتب):\\s*$",
            Pattern.CASE_INSENSITIVE);

    private MailParts() {
    }

    /** Mail no person wrote: answering it would start a mail loop ({@link AutomaticMail}). */
    static boolean isAutomatic(MimeMessage message) throws MessagingException {
        return AutomaticMail.isAutomatic(message);
    }

    /** The text the sender wrote: the plain part, or the HTML part without its markup, quotes removed. */
    static String text(MimeMessage message) throws MessagingException, IOException {
        String plain = part(message, "text/plain");
        String text = plain != null ? plain : htmlToText(part(message, "text/html"));
        return withoutQuotedReply(text == null ? "" : text).strip();
    }

    private static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String withBreaks = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>", "\n");
        return HtmlUtils.htmlUnescape(NO_TAGS.sanitize(withBreaks));
    }

    static String withoutQuotedReply(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\r?\\n", -1)) {
            if (QUOTE_HEADER.matcher(line.strip()).matches() || line.strip().equals("-----Original Message-----")) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /**
     * How deep parts may nest. Mail programs nest three or four levels (a forward of a reply with an
     * attachment); a message nested thousands of levels deep is an attack on the parser's stack.
     */
    static final int MAX_DEPTH = 20;

    private static String part(Part part, String type) throws MessagingException, IOException {
        return part(part, type, 0);
    }

    private static String part(Part part, String type, int depth) throws MessagingException, IOException {
        tooDeep(depth);
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** An attached file, decoded into a private temporary file; at most one byte past the size asked for. */
    record File(String name, java.nio.file.Path path, long size) {

        InputStream open() throws IOException {
            return java.nio.file.Files.newInputStream(path);
        }
    }

    /** The files of one message, on disk while the message is handled, deleted on close. */
    static final class Files implements AutoCloseable {
        private final List<File> files = new ArrayList<>();

        List<File> list() {
            return List.copyOf(files);
        }

        @Override
        public void close() {
            for (File file : files) {
                try {
                    java.nio.file.Files.deleteIfExists(file.path());
                } catch (IOException e) {
                    file.path().toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * Every attached file, whatever its type (the caller decides what it keeps), decoded as a stream: a
     * file longer than {@code mostBytes} is cut one byte past it, enough for the caller to refuse it.
     */
    static Files files(MimeMessage message, long mostBytes) throws MessagingException, IOException {
        Files files = new Files();
        try {
            collect(message, files, mostBytes, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    private static void tooDeep(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("MIME parts nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static void collect(Part part, Files files, long mostBytes, int depth) throws MessagingException, IOException {
        tooDeep(depth);
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files, mostBytes, depth + 1);
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (attached && part instanceof BodyPart) {
            String name = part.getFileName() == null ? "allegato" : MimeUtility.decodeText(part.getFileName());
            java.nio.file.Path path = java.nio.file.Files.createTempFile("aci-attachment-", ".part");
            files.files.add(new File(name, path, 0)); // listed at once, so that close() deletes it whatever happens next
            long size;
            try (InputStream in = part.getInputStream(); java.io.OutputStream out = java.nio.file.Files.newOutputStream(path)) {
                size = in.transferTo(new LimitedOutput(out, mostBytes + 1));
            } catch (LimitedOutput.Full full) {
                size = mostBytes + 1;
            }
            files.files.set(files.files.size() - 1, new File(name, path, size));
        }
    }

    /** Stops decoding a file once it has passed the size any channel keeps. */
    private static final class LimitedOutput extends java.io.FilterOutputStream {
        private long room;

        static final class Full extends IOException {
            Full() {
                super("file larger than the limit", null);
            }
        }

        LimitedOutput(java.io.OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int kept = (int) Math.min(length, room);
            out.write(bytes, offset, kept);
            room -= kept;
            if (kept < length) {
                throw new Full();
            }
        }
    }
}
