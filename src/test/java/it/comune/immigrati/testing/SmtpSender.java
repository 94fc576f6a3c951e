package it.comune.immigrati.testing;

import java.util.Properties;
import java.util.function.Consumer;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends mail over SMTP as a resident's mail provider would deliver it to the desk mailbox. */
public final class SmtpSender {

    private SmtpSender() {
    }

    /** Sends a message; {@code headers} may add or change anything. Returns its Message-ID. */
    public static String send(int smtpPort, String from, String to, String subject, String text,
            Consumer<MimeMessage> headers) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(smtpPort));
            Session session = Session.getInstance(properties);
            // keeps a Message-ID a test set, as a real client's message keeps its own through relays
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            headers.accept(message);
            message.saveChanges();
            String id = message.getMessageID();
            Transport.send(message);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as they are, over a plain SMTP conversation: for messages a mail library would refuse to build. */
    public static void sendRaw(int smtpPort, String from, String to, byte[] message) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", smtpPort)) {
            socket.setSoTimeout(20_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test.example", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            out.write(message);
            out.write("\r\n.\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void command(java.io.OutputStream out, java.io.BufferedReader in, String line, String code) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(java.io.BufferedReader in, String code) throws java.io.IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new java.io.IOException("expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
