package io.canhgac.event.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A commune gateway's control link as the centre sees it, without a gateway: a JDK WebSocket to
 * {@code /api/ingest/link} with the gateway's token, saying hello and sending status reports as text,
 * and answering the centre's requests when given a way to ({@link #answering}).
 */
public final class FakeGatewayLink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Instant lastSent;
    private volatile Function<JsonNode, String> answers = request -> null;

    private FakeGatewayLink(String base, String token) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/api/ingest/link"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        String answer = answer(data.toString());
                        webSocket.request(1);
                        // not waited for here: the listener's thread also carries the send's completion
                        return answer == null ? null : webSocket.sendText(answer, true);
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    private String answer(String text) {
        try {
            return answers.apply(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From now on, answers each request the centre sends with what {@code answers} makes of it (the
     * request's JSON): a reply's JSON, or null to stay silent.
     */
    public FakeGatewayLink answering(Function<JsonNode, String> answers) {
        this.answers = answers;
        return this;
    }

    /** Connects and says hello, as a gateway does first on a new link. */
    public static FakeGatewayLink open(String base, String token, String version) throws Exception {
        FakeGatewayLink link = new FakeGatewayLink(base, token);
        link.send("""
                {"type":"hello","version":"%s","startedAt":"%s"}""".formatted(version, Instant.now()));
        return link;
    }

    /** A status report: the gateway's cameras, outbox and media queue. */
    void status(int cameras, long outboxEvents, long outboxBytes, Instant oldestPending, long dropped, boolean alarm,
                int mediaPending) throws Exception {
        send("""
                {"type":"status","status":{"measuredAt":"%s","cameras":%d,"outboxEvents":%d,"outboxBytes":%d,"oldestPending":%s,
                "droppedEvents":%d,"outboxAlarm":%s,"mediaPending":%d,"mediaBytes":%d,"mediaDropped":0}}"""
                .formatted(Instant.now(), cameras, outboxEvents, outboxBytes, oldestPending == null ? "null" : "\"" + oldestPending + "\"",
                        dropped, alarm, mediaPending, mediaPending * 1000L));
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        lastSent = Instant.now();
    }

    Instant lastSent() {
        return lastSent;
    }

    public List<String> received() {
        return received;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "test gateway stopping").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
