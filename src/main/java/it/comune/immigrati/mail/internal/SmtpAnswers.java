package it.comune.immigrati.mail.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What a mail server's refusal means for the message. A 4xx answer, a timeout or a dropped connection
 * is temporary: the message is tried again. A 5xx answer about the recipient or the message is final:
 * trying again for hours would only delay telling the operator that the address is wrong.
 * Refusals of our own sign-in (530, 535) are not final: they are the installation's to fix, and the
 * messages wait for it.
 */
final class SmtpAnswers {

    /** RFC 3463: 5.1.x is about the address (5.1.1 no such mailbox, 5.1.2 no such domain, ...). */
    private static final Pattern ADDRESS_STATUS = Pattern.compile("\\b5\\.1\\.\\d{1,3}\\b");

    private SmtpAnswers() {
    }

    static Optional<OutboxStore.Failure> finalFailure(Exception failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return Optional.of(aboutTheAddress(refused.getReturnCode(), refused.getMessage())
                        ? OutboxStore.Failure.NO_SUCH_ADDRESS : OutboxStore.Failure.REFUSED);
            }
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500
                    && refused.getReturnCode() != 530 && refused.getReturnCode() != 535) {
                return Optional.of(OutboxStore.Failure.REFUSED);
            }
        }
        return Optional.empty();
    }

    static boolean aboutTheAddress(int code, String text) {
        if (text != null && ADDRESS_STATUS.matcher(text).find()) {
            return true;
        }
        return (text == null || !text.matches("(?s).*\\b5\\.\\d\\.\\d{1,3}\\b.*")) && (code == 550 || code == 551 || code == 553);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
