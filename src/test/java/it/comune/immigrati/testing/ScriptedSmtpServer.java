package it.comune.immigrati.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An SMTP server on loopback that answers RCPT TO as a test decides — "550 5.1.1 User unknown" for a
 * mistyped address, "451" for a full disk — or, frozen, accepts connections and never says a word, as
 * a server stopped with SIGSTOP does. It speaks the protocol (RFC 5321) as far as a client needs; the
 * Postfix tier does the rest with the real thing.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Function<String, String> rcptAnswer;
    private final boolean frozen;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(Function<String, String> rcptAnswer, boolean frozen) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rcptAnswer = rcptAnswer;
        this.frozen = frozen;
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers RCPT TO:&lt;address&gt; with {@code rcptAnswer.apply(address)}; everything else is accepted. */
    public static ScriptedSmtpServer answering(Function<String, String> rcptAnswer) throws IOException {
        return new ScriptedSmtpServer(rcptAnswer, false);
    }

    /** Takes connections and never answers. */
    public static ScriptedSmtpServer frozen() throws IOException {
        return new ScriptedSmtpServer(address -> "250 OK", true);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The recipients of the messages it took (250 after DATA). */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                if (!frozen) {
                    Thread session = new Thread(() -> converse(connection), "scripted-smtp-session");
                    session.setDaemon(true);
                    session.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = connection.getOutputStream()) {
            say(out, "220 scripted.example ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250-scripted.example\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "MAIL", "RSET", "NOOP" -> say(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        recipient = line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1");
                        say(out, rcptAnswer.apply(recipient));
                    }
                    case "DATA" -> {
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        accepted.add(recipient);
                        say(out, "250 2.0.0 Ok: queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> say(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
