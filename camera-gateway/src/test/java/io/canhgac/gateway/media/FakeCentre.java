package io.canhgac.gateway.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.centre.CentreClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the centre's resumable media routes on loopback, as MediaChunks answers them:
 * chunks appended only at the offset held, 409 with {@code received} otherwise, the hash checked at
 * the end. It can drop the connection part-way through a chunk, refuse events as unknown, and
 * records every request and every body byte it read.
 */
final class FakeCentre implements AutoCloseable {

    /** One request: GET received or PUT chunk (offset and length of the body it read, -1 for GET). */
    record Request(String method, UUID id, long offset, long length, Map<String, String> query, String authorization,
                   String contentType) {

        boolean isChunk() {
            return method.equals("PUT");
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<UUID, byte[]> stored = new ConcurrentHashMap<>();
    final Set<UUID> unknownEvents = ConcurrentHashMap.newKeySet();
    /** Body bytes read, cut chunks included: what crossed the link. */
    final AtomicLong bodyBytes = new AtomicLong();
    private final Map<UUID, ByteArrayOutputStream> partial = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile long cutAt = Long.MAX_VALUE;
    private volatile int refuseStatus;
    private volatile String refuseProblem;

    private FakeCentre(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/ingest/media/", this::handle);
        server.start();
    }

    static FakeCentre start() throws IOException {
        return new FakeCentre(0);
    }

    /** On a port chosen beforehand, e.g. after the uploader tried it while nothing listened. */
    static FakeCentre start(int port) throws IOException {
        return new FakeCentre(port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static CentreClient client(int port) {
        return new CentreClient("http://127.0.0.1:" + port + "/", "gw-token", Duration.ofSeconds(2));
    }

    CentreClient client() {
        return client(server.getAddress().getPort());
    }

    /** Drops the connection once, when {@code total} body bytes have come in (counting from the start). */
    void cutAt(long total) {
        cutAt = total;
    }

    /** Answers every chunk with this refusal from now on. */
    void refuse(int status, String problem) {
        refuseProblem = problem;
        refuseStatus = status;
    }

    long held(UUID id) {
        ByteArrayOutputStream p = partial.get(id);
        return p == null ? 0 : p.size();
    }

    List<Request> requestsFor(UUID id) {
        return requests.stream().filter(r -> r.id().equals(id)).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/ingest/media/".length());
        UUID id = UUID.fromString(path.substring(0, path.indexOf('/')));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.endsWith("/received")) {
            requests.add(new Request("GET", id, -1, -1, query, auth, null));
            byte[] done = stored.get(id);
            answer(exchange, 200, "{\"received\":" + (done != null ? done.length : held(id)) + ",\"stored\":" + (done != null) + "}");
            return;
        }
        long offset = Long.parseLong(query.get("offset"));
        long size = Long.parseLong(query.get("size"));
        byte[] body = readBody(exchange.getRequestBody());
        requests.add(new Request("PUT", id, offset, body == null ? -1 : body.length, query, auth,
                exchange.getRequestHeaders().getFirst("Content-Type")));
        if (body == null) {
            exchange.close(); // no answer: the connection drops mid-chunk
            return;
        }
        if (refuseStatus != 0) {
            answer(exchange, refuseStatus, "{\"problem\":\"" + refuseProblem + "\",\"detail\":\"refused by the test\"}");
        } else if (unknownEvents.contains(UUID.fromString(query.get("eventId")))) {
            answer(exchange, 404, "{\"problem\":\"EVENT_UNKNOWN\",\"detail\":\"no such event\"}");
        } else if (stored.containsKey(id)) {
            answer(exchange, 200, "{\"received\":" + size + ",\"stored\":true,\"outcome\":\"DUPLICATE\"}");
        } else if (offset != held(id)) {
            answer(exchange, 409, "{\"problem\":\"OFFSET_MISMATCH\",\"received\":" + held(id) + "}");
        } else {
            ByteArrayOutputStream p = partial.computeIfAbsent(id, x -> new ByteArrayOutputStream());
            p.write(body);
            if (p.size() < size) {
                answer(exchange, 200, "{\"received\":" + p.size() + ",\"stored\":false}");
            } else if (sha256(p.toByteArray()).equals(query.get("sha256"))) {
                stored.put(id, p.toByteArray());
                partial.remove(id);
                answer(exchange, 201, "{\"received\":" + size + ",\"stored\":true,\"outcome\":\"STORED\"}");
            } else {
                partial.remove(id);
                answer(exchange, 422, "{\"problem\":\"HASH_MISMATCH\"}");
            }
        }
    }

    /** The body, or null when the cut comes part-way through it (what came before it is counted). */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            long room = cutAt - bodyBytes.get();
            if (n > room) {
                bodyBytes.addAndGet(room);
                cutAt = Long.MAX_VALUE;
                return null;
            }
            bodyBytes.addAndGet(n);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
