import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many clients racing for the same few times through the public API, as at the minute new times open:
 * each asks for the free times, holds one of the first five, books it with a new address, and starts
 * again until none is left. Prints what it got; the bench checks the database agrees.
 * Usage: java bench/SlotRace.java http://localhost:8091 race race 64
 */
public class SlotRace {

    private static final Pattern START = Pattern.compile("\"start\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String service = args[1];
        String office = args[2];
        int clients = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentHashMap<String, Boolean> times = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int round = 0; ; round++) {
                        String list = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments/services/"
                                + service + "/offices/" + office + "/slots?limit=5")).GET()).body();
                        java.util.List<String> starts = new java.util.ArrayList<>();
                        for (Matcher m = START.matcher(list); m.find(); ) {
                            starts.add(m.group(1));
                        }
                        if (starts.isEmpty()) {
                            return;
                        }
                        String start = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
                        HttpResponse<String> hold = send(http, json(base + "/api/v1/appointments/holds",
                                "{\"service\":\"" + service + "\",\"office\":\"" + office + "\",\"start\":\"" + start + "\"}"));
                        if (hold.statusCode() == 409) {
                            taken.incrementAndGet();
                            continue;
                        }
                        if (hold.statusCode() != 201) {
                            other.incrementAndGet();
                            continue;
                        }
                        Matcher token = TOKEN.matcher(hold.body());
                        token.find();
                        HttpResponse<String> book = send(http, json(base + "/api/v1/appointments/holds/" + token.group(1) + "/booking",
                                "{\"email\":\"race-" + client + "-" + round + "@example.org\",\"language\":\"it\",\"privacyConsent\":true}"));
                        if (book.statusCode() == 201) {
                            booked.incrementAndGet();
                            if (times.put(start, true) != null) {
                                duplicates.incrementAndGet();
                            }
                        } else {
                            other.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    other.incrementAndGet();
                    e.printStackTrace();
                }
            });
            threads[c].start();
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("clients %d, booked %d, distinct times %d, same time twice %d, answered taken %d, other answers %d, %d ms%n",
                clients, booked.get(), times.size(), duplicates.get(), taken.get(), other.get(), ms);
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
