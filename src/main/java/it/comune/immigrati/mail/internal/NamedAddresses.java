package it.comune.immigrati.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;

/**
 * Every e-mail address a received message names — in any header, or in a text part however it is
 * encoded (base64, quoted-printable, any charset) — so that a privacy request finds the message even
 * when the address is only in a body the raw bytes hide. Bounded, since the message is a stranger's:
 * a few levels of parts, the first megabyte of each text, two hundred addresses.
 */
final class NamedAddresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63})*\\.\\p{L}{2,24}");
    private static final int MOST = 200;
    private static final int TEXT_BYTES = 1 << 20;
    private static final int DEPTH = 8;

    private NamedAddresses() {
    }

    static List<String> of(Part message) {
        Set<String> found = new LinkedHashSet<>();
        try {
            walk(message, 0, found);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            // what was found before the damaged part still counts; the raw bytes are searched as well
        }
        return List.copyOf(found);
    }

    private static void walk(Part part, int depth, Set<String> found) throws MessagingException, IOException {
        for (Enumeration<Header> headers = part.getAllHeaders(); headers.hasMoreElements() && found.size() < MOST; ) {
            Header header = headers.nextElement();
            collect(decodeHeader(header.getValue()), found);
        }
        if (depth >= DEPTH || found.size() >= MOST) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount() && found.size() < MOST; i++) {
                walk(multipart.getBodyPart(i), depth + 1, found);
            }
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part inner) {
            walk(inner, depth + 1, found);
        } else if (part.isMimeType("text/*")) {
            collect(text(part), found);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(TEXT_BYTES);
            return new String(bytes, charset(part));
        }
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name));
        } catch (MessagingException | RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String decodeHeader(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException undecodable) {
            return value;
        }
    }

    private static void collect(String text, Set<String> found) {
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find() && found.size() < MOST) {
            found.add(matcher.group().toLowerCase(Locale.ROOT));
        }
    }
}
