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

    public record Received(String event, String data, Instant at) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;
    private volatile boolean ended;

    public SseTestClient(String url) {
        this(HttpClient.newHttpClient(), url);
    }

    /** Through the given client, e.g. one holding a signed-in session's cookie. */
    public SseTestClient(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String[] event = {"message"};
            try (Stream<String> lines = r.body()) {
                body = lines;
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        received.add(new Received(event[0], line.substring(5).trim(), Instant.now()));
                    } else if (line.isEmpty()) {
                        event[0] = "message";
                    }
                });
            }
            ended = true; // the server ended the stream
        });
    }

    /** The stream's HTTP status, once its headers have arrived. */
    public int status() {
        return response.join().statusCode();
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
