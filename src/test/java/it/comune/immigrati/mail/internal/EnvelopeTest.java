package it.comune.immigrati.mail.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the mailbox poll stores beside each message, even one the mail library cannot read. */
class EnvelopeTest {

    @Test
    void aReadableMessageIsKeyedByItsMessageId() {
        ImapPoller.Envelope envelope = ImapPoller.Envelope.of("""
                Message-ID: <abc@example.org>\r
                From: Ana <ana@example.org>\r
                Subject: Rinnovo\r
                \r
                Testo.\r
                """.getBytes(StandardCharsets.US_ASCII));
        assertThat(envelope.key()).isEqualTo("<abc@example.org>");
        assertThat(envelope.sender()).isEqualTo("ana@example.org");
        assertThat(envelope.subject()).isEqualTo("Rinnovo");
    }

    @Test
    void aMessageThatBreaksTheMailLibraryIsStillStoredForQuarantine() {
        // found by MailPartsFuzzTest: a header block starting with a continuation line makes the parser throw
        byte[] raw = { '\t', '\n', '\t' };
        ImapPoller.Envelope envelope = ImapPoller.Envelope.of(raw);
        assertThat(envelope.key()).startsWith("sha256:");
        assertThat(envelope.sender()).isNull();
    }
}
