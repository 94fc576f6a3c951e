package it.comune.immigrati.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.AreaCittadiniImmigratiApplication;

/**
 * The application in a JVM of its own, as an operator runs it, so a test can kill it with SIGKILL and
 * start it again on the same data directory.
 */
public final class AppProcess {

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private Process process;

    public AppProcess(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-app.log");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Starts the app and waits until /actuator/health says UP; returns how long that took. */
    public Duration startAndAwaitHealthy(Duration limit, String... extraArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), AreaCittadiniImmigratiApplication.class.getName(),
                "--server.port=" + port, "--aci.data-dir=" + dataDirectory, "--aci.mail.embedded.smtp-port=0",
                "--aci.mail.embedded.imap-port=0", "--aci.demo-data=false"));
        command.addAll(List.of(extraArguments));
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + "; log:\n"
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
            process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Not healthy within " + limit + "; log:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no clean stop of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful stop an init system does; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The application did not stop within 60 s");
        }
        return process.exitValue();
    }

    /** The resident memory of the app's JVM, from /proc. */
    public long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** The port the embedded PostgreSQL listens on, from its postmaster.pid. */
    public int postgresPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
    }
}
