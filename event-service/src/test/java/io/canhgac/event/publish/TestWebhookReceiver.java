package io.canhgac.event.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that checks each request as the README tells integrators to:
 * HMAC-SHA256 over "timestamp.body" with the shared secret, compared in constant time, and a
 * timestamp within 5 minutes. It can be told to fail (503) or refuse (400) the next requests about a
 * given event, so alerts of other tests still in flight do not use up the failures.
 */
public final class TestWebhookReceiver implements AutoCloseable {

    /** One request as received: what it said, whether its signature held, and what was answered. */
    public record Attempt(Instant at, String delivery, String event, String timestamp, String body, boolean signatureValid,
                   boolean fresh, int answered) {
    }

    private final HttpServer server;
    private final byte[] secret;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    /** A receiver started on a loopback port, for a test class's static field. */
    public static TestWebhookReceiver start(String secret) {
        try {
            return new TestWebhookReceiver(secret);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public TestWebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/canhgac", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/canhgac";
    }

    /** Answers 503 to the next requests whose body mentions the text (an event id). */
    void failNext(String about, int requests) {
        failures.put(about, new AtomicInteger(requests));
    }

    /** Answers 400 to the next requests whose body mentions the text. */
    void refuseNext(String about, int requests) {
        refusals.put(about, new AtomicInteger(requests));
    }

    private static boolean take(Map<String, AtomicInteger> counts, String body) {
        return counts.entrySet().stream().anyMatch(e -> body.contains(e.getKey())
                && e.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0);
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Canhgac-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Canhgac-Signature");
        boolean valid = timestamp != null && signature != null && signature.startsWith("v1=")
                && MessageDigest.isEqual(expected(timestamp, body), signature.substring(3).getBytes(StandardCharsets.US_ASCII));
        boolean fresh = timestamp != null && timestamp.matches("\\d{1,12}")
                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
        int status;
        if (!valid || !fresh || !"POST".equals(exchange.getRequestMethod())) {
            status = 401;
        } else if (take(failures, text)) {
            status = 503;
        } else if (take(refusals, text)) {
            status = 400;
        } else {
            status = 204;
        }
        attempts.add(new Attempt(Instant.now(), exchange.getRequestHeaders().getFirst("X-Canhgac-Delivery"),
                exchange.getRequestHeaders().getFirst("X-Canhgac-Event"), timestamp, text,
                valid, fresh, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private byte[] expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
