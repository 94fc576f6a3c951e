package it.comune.immigrati.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.mail.InboundMailHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Delivery reports (RFC 3464) that come back to the desk mailbox: a message the receiving server took
 * and then could not deliver is marked failed, with the report's status and diagnostic, so the operator
 * sees it on the question as for a refusal at once. Reports about mail we did not send, and delays
 * ("Action: delayed"), change nothing. Runs before the desk's own intake, which never answers them.
 */
@Component
@Order(0)
class DeliveryReports implements InboundMailHandler {

    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(\\d\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)");
    private static final int MOST_BYTES = 256 * 1024;

    private final OutboxStore store;

    DeliveryReports(OutboxStore store) {
        this.store = store;
    }

    @Override
    public Result handle(MimeMessage message, String messageKey) {
        try {
            if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
                return Result.ignored("not a delivery report");
            }
            String status = null;
            String original = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    status = text(part);
                } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                        || part.isMimeType("message/rfc822-headers")) {
                    original = text(part);
                }
            }
            if (status == null || original == null) {
                return Result.ignored("a report without delivery status or original headers");
            }
            Optional<String> messageId = first(MESSAGE_ID, original);
            Optional<String> action = first(ACTION, status);
            Optional<String> code = first(STATUS, status);
            if (messageId.isEmpty() || !action.map("failed"::equalsIgnoreCase).orElse(false)
                    || !code.map(c -> c.startsWith("5")).orElse(false)) {
                return Result.ignored("delivery report without a permanent failure of a message we can name");
            }
            OutboxStore.Failure failure = code.get().startsWith("5.1.") ? OutboxStore.Failure.NO_SUCH_ADDRESS
                    : OutboxStore.Failure.REFUSED;
            String reason = "Delivery report: " + code.get() + first(DIAGNOSTIC, status).map(d -> " " + d.strip()).orElse("");
            int marked = store.bounced(messageId.get(), failure, reason.length() > 500 ? reason.substring(0, 500) : reason);
            return marked == 0 ? Result.ignored("delivery report for " + messageId.get() + ", which we did not send")
                    : Result.processed("delivery report: " + messageId.get() + " not delivered (" + code.get() + ")");
        } catch (MessagingException | IOException e) {
            return Result.ignored("unreadable report: " + e.getMessage());
        }
    }

    private static String text(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
