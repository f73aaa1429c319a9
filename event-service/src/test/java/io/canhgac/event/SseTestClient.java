package io.canhgac.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and keeps each data line with when it arrived. */
public final class SseTestClient implements AutoCloseable {

    /** A message: its event name, its id (null if it had none, as SSE comments and some events), its data. */
    public record Received(String event, String id, String data, Instant at) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;
    private volatile boolean ended;
    private volatile String lastEventId;

    public SseTestClient(String url) {
        this(HttpClient.newHttpClient(), url);
    }

    /** Through the given client, e.g. one holding a signed-in session's cookie. */
    public SseTestClient(HttpClient client, String url) {
        this(client, url, null);
    }

    /** Resuming after the given id, as a reconnecting EventSource sends it (null: a new stream). */
    public SseTestClient(HttpClient client, String url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        this.lastEventId = lastEventId;
        response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.whenComplete((r, failed) -> {
            if (failed != null) {
                ended = true; // nobody answered (a dead node)
            }
        });
        response.thenAcceptAsync(r -> {
            // name, id and data of the message being read; it counts once its blank line arrives, as in EventSource
            String[] event = {"message", null, null};
            try (Stream<String> lines = r.body()) {
                body = lines;
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        event[1] = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        event[2] = line.substring(5).trim();
                    } else if (line.isEmpty()) {
                        if (event[1] != null) {
                            this.lastEventId = event[1]; // as EventSource keeps it, for the next reconnect
                        }
                        if (event[2] != null) {
                            received.add(new Received(event[0], event[1], event[2], Instant.now()));
                        }
                        event[0] = "message";
                        event[1] = null;
                        event[2] = null;
                    }
                });
            } finally {
                ended = true; // the server ended the stream, or the connection broke (a node killed)
            }
        });
    }

    /** The stream's HTTP status, once its headers have arrived. */
    public int status() {
        return response.join().statusCode();
    }

    /** The id of the last message received (or the one this stream resumed from): what a reconnect sends. */
    public String lastEventId() {
        return lastEventId;
    }

    /** True once the server has ended the stream. */
    public boolean ended() {
        return ended;
    }

    public List<Received> received() {
        return received;
    }

    public List<Received> received(String event) {
        return received.stream().filter(r -> r.event().equals(event)).toList();
    }

    @Override
    public void close() {
        Stream<String> lines = body;
        if (lines != null) {
            lines.close(); // cancels the subscription, which closes the connection
        }
        response.cancel(true);
    }
}
