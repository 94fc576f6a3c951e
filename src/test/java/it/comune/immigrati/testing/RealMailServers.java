package it.comune.immigrati.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Postfix (SMTP) and Dovecot (IMAP) from Debian, on loopback ports, with their configuration,
 * queues and Maildirs in one directory ({@code src/test/sh/mail-servers}; {@code ./run-tests} installs
 * the packages). Every local part of {@code aci.test} and {@code example.org} has a mailbox (password: the
 * address); {@code inesistente*@…} is refused at RCPT with 550 5.1.1; nothing leaves the machine.
 */
public final class RealMailServers implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src/test/sh/mail-servers").toAbsolutePath();

    private final Path directory;
    private final int smtpPort;
    private final int imapPort;

    private RealMailServers(Path directory, Map<String, String> ports) {
        this.directory = directory;
        this.smtpPort = Integer.parseInt(ports.get("SMTP_PORT"));
        this.imapPort = Integer.parseInt(ports.get("IMAP_PORT"));
    }

    /** Whether this machine can run them (the packages are installed). */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/postfix")) && Files.isExecutable(Path.of("/usr/sbin/dovecot"));
    }

    /** Starts both in a fresh directory under /tmp (the mail user must be able to reach it). */
    public static RealMailServers start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "aci-mail-servers-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String out = run(directory, "start", directory.toString());
        Map<String, String> ports = new HashMap<>();
        for (String line : out.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                ports.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return new RealMailServers(directory, ports);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** SIGSTOP every Postfix process: connections are taken by the kernel and never answered. */
    public void freezePostfix() throws IOException, InterruptedException {
        run(directory, "freeze", directory.toString(), "postfix");
    }

    public void thawPostfix() throws IOException, InterruptedException {
        run(directory, "thaw", directory.toString(), "postfix");
    }

    public void restartDovecot() throws IOException, InterruptedException {
        run(directory, "restart-dovecot", directory.toString());
    }

    /**
     * What a server migration or an index rebuild does: Dovecot forgets the mailbox's UIDs and gives it a
     * new UIDVALIDITY, so every message there gets a new UID.
     */
    public void rebuildIndex(String address) throws IOException, InterruptedException {
        String[] parts = address.toLowerCase(java.util.Locale.ROOT).split("@");
        Path index = directory.resolve("dovecot").resolve("index").resolve(parts[1]).resolve(parts[0]);
        if (Files.exists(index)) {
            try (var files = Files.walk(index)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!file.equals(index)) {
                        Files.delete(file);
                    }
                }
            }
        }
        restartDovecot();
    }

    /** The Maildir of an address (lower case), where Postfix delivers and Dovecot reads. */
    public Path maildir(String address) {
        String[] parts = address.toLowerCase(java.util.Locale.ROOT).split("@");
        return directory.resolve("mail").resolve(parts[1]).resolve(parts[0]);
    }

    public Path log(String name) {
        return directory.resolve(name + ".log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(directory, "stop", directory.toString());
    }

    private static String run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Path errors = directory.resolve("mail-servers.log");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile())).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("mail-servers " + String.join(" ", arguments) + " failed: " + out
                    + Files.readString(errors));
        }
        return out;
    }
}
