package io.canhgac.gateway.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.centre.CentreClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The centre's ingest routes on loopback, as the outbox sees them: events acknowledged per id (stored
 * once), stream figures taken; it can be down (503), refuse one camera's events as the centre refuses
 * an unknown camera (400, the whole batch), and counts the bytes it was sent.
 */
final class FakeIngest implements AutoCloseable {

    final List<UUID> stored = new CopyOnWriteArrayList<>();
    final Set<UUID> seen = ConcurrentHashMap.newKeySet();
    final List<JsonNode> figures = new CopyOnWriteArrayList<>();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicInteger batches = new AtomicInteger();
    volatile boolean down;
    volatile String refusedCamera;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;

    FakeIngest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ingest/", this::handle);
        server.start();
    }

    CentreClient client() {
        return new CentreClient("http://127.0.0.1:" + server.getAddress().getPort(), "gw-token", Duration.ofSeconds(2));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] packed = exchange.getRequestBody().readAllBytes();
        bytesReceived.addAndGet(packed.length);
        if (down) {
            answer(exchange, 503, "{}");
            return;
        }
        InputStream in = new java.io.ByteArrayInputStream(packed);
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        JsonNode body = json.readTree(in.readAllBytes());
        if (exchange.getRequestURI().getPath().equals("/api/ingest/stream-stats")) {
            body.forEach(figures::add);
            answer(exchange, 200, "{\"accepted\":" + body.size() + "}");
            return;
        }
        batches.incrementAndGet();
        StringBuilder outcomes = new StringBuilder("[");
        for (JsonNode event : body) {
            if (event.get("cameraId").asText().equals(refusedCamera)) {
                answer(exchange, 400, "{\"detail\":\"unknown camera\"}");
                return;
            }
        }
        for (JsonNode event : body) {
            UUID id = UUID.fromString(event.get("id").asText());
            boolean fresh = seen.add(id);
            if (fresh) {
                stored.add(id);
            }
            outcomes.append(outcomes.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\",\"result\":\"")
                    .append(fresh ? "STORED" : "DUPLICATE").append("\"}");
        }
        answer(exchange, 200, outcomes.append("]").toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
