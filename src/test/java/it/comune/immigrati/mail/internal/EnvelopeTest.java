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

    @Test
    void addressesHiddenByTheTransferEncodingAreFound() {
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(
                "Scrivete anche a Mia.Sorella@Example.org, grazie.".getBytes(StandardCharsets.UTF_8));
        ImapPoller.Envelope envelope = ImapPoller.Envelope.of(("""
                Message-ID: <m@example.org>\r
                From: =?UTF-8?B?QW5h?= <ana@example.org>\r
                Reply-To: =?UTF-8?Q?Ana_Popescu?= <ana.reply@example.org>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: base64\r
                \r
                """ + base64 + """
                \r
                --b1\r
                Content-Type: text/html; charset=ISO-8859-1\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                <p>Caf=E8: cugino=40example.net</p>\r
                --b1\r
                Content-Type: message/rfc822\r
                \r
                From: inoltrato@example.com\r
                Subject: vecchio\r
                \r
                testo\r
                --b1--\r
                """).getBytes(StandardCharsets.US_ASCII));
        assertThat(envelope.addresses()).contains("ana@example.org", "ana.reply@example.org", "mia.sorella@example.org",
                "cugino@example.net", "inoltrato@example.com");
    }

    @Test
    void aMessageNamingThousandsOfAddressesKeepsTwoHundred() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            body.append("p").append(i).append("@example.org ");
        }
        ImapPoller.Envelope envelope = ImapPoller.Envelope.of(("From: a@example.org\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        assertThat(envelope.addresses()).hasSize(200).contains("a@example.org");
    }
}
