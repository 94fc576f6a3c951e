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

    record File(String name, byte[] content) {
    }

    /** Every attached file, whatever its type: the caller decides what it keeps. */
    static List<File> files(MimeMessage message) throws MessagingException, IOException {
        List<File> files = new ArrayList<>();
        collect(message, files, 0);
        return files;
    }

    private static void tooDeep(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("MIME parts nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static void collect(Part part, List<File> files, int depth) throws MessagingException, IOException {
        tooDeep(depth);
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files, depth + 1);
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (attached && part instanceof BodyPart) {
            try (InputStream in = part.getInputStream()) {
                String name = part.getFileName() == null ? "allegato" : MimeUtility.decodeText(part.getFileName());
                files.add(new File(name, in.readNBytes(16 * 1024 * 1024)));
            }
        }
    }
}
