package it.comune.immigrati.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request says about itself in headers (Host, X-Forwarded-Host, X-Forwarded-For) is believed only
 * as far as it must be: redirects never name a host from the request, and a client address in
 * X-Forwarded-For counts only when it comes from a configured proxy (by default loopback 127.0.0.1 and ::1).
 */
@AciTest
class ProxyHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginRedirectDoesNotNameTheHostTheRequestClaims() throws IOException {
        String direct = rawGet("127.0.0.1", "/ufficio", "Host: evil.example");
        assertThat(status(direct)).isEqualTo(302);
        assertThat(location(direct)).doesNotContain("evil.example").endsWith("/login");

        var forwarded = new WebClient(port).get("/ufficio", "X-Forwarded-Host", "evil.example");
        assertThat(forwarded.statusCode()).isEqualTo(302);
        assertThat(forwarded.headers().firstValue("Location").orElseThrow()).doesNotContain("evil.example")
                .endsWith("/login");
    }

    /**
     * Every unknown private link counts against the client that tried it, and past 30 the client gets 429.
     * From 127.0.0.2 (loopback, but not a configured proxy: Tomcat's default list would trust all of
     * 127/8) each request claims another client in X-Forwarded-For: the claims must not be believed, so
     * the tries add up. From 127.0.0.1, the configured proxy, the same claims are distinct clients.
     */
    @Test
    void onlyAConfiguredProxyMayNameTheClient() throws IOException {
        List<Integer> fromProxy = unknownLinks("127.0.0.1", "10.79.1.");
        assertThat(fromProxy).as("a proxy's clients are told apart").doesNotContain(429);

        List<Integer> fromElsewhere = unknownLinks("127.0.0.2", "10.79.2.");
        assertThat(fromElsewhere.subList(0, 30)).containsOnly(404);
        assertThat(fromElsewhere.get(30)).as("one client, whatever it claims").isEqualTo(429);
    }

    /** 31 unknown (well-formed) private links, each request claiming another client address. */
    private List<Integer> unknownLinks(String from, String claimedPrefix) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            statuses.add(status(rawGet(from, "/quesiti/stato/" + Secrets.linkToken(),
                    "X-Forwarded-For: " + claimedPrefix + i)));
        }
        return statuses;
    }

    /** A GET over a socket bound to {@code localAddress}: the server sees that address as the peer. */
    private String rawGet(String localAddress, String path, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            boolean host = false;
            for (String header : headers) {
                request.append(header).append("\r\n");
                host |= header.regionMatches(true, 0, "Host:", 0, 5);
            }
            if (!host) {
                request.append("Host: localhost:").append(port).append("\r\n");
            }
            request.append("Accept: text/html\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String location(String response) {
        Matcher location = Pattern.compile("(?im)^Location: *(\\S+)").matcher(response);
        assertThat(location.find()).as(response).isTrue();
        return location.group(1);
    }
}
