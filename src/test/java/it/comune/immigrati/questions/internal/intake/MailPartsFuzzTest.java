package it.comune.immigrati.questions.internal.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Whatever arrives in the desk mailbox, our reading of it either works or fails with the mail library's
 * exceptions; the intake quarantines such a message. An unchecked exception thrown by our own code is a
 * finding (one thrown inside the mail library is quarantined too: the first run of this test found that
 * the library's header parser throws one, which stopped the mailbox poll until ImapPoller.Envelope).
 * Fuzzed for a minute in every build (its own surefire execution in pom.xml); longer:
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=MailPartsFuzzTest -Djazzer.max_duration=1h}.
 */
class MailPartsFuzzTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @FuzzTest(maxDuration = "60s")
    void readingAnyMessageFailsOnlyAsAMailError(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            MailParts.isAutomatic(message);
            MailParts.withoutQuotedReply(MailParts.text(message));
            MailParts.files(message, 16 * 1024 * 1024).close();
        } catch (MessagingException | IOException expected) {
            // unreadable: quarantined by the intake
        } catch (RuntimeException e) {
            if (e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith("it.comune.immigrati")) {
                throw e;
            }
        }
    }
}
