package io.canhgac.gateway.centre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.gateway.publish.GatewayJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;

/**
 * The gateway's one way to the centre: its base URL, its token, one HTTP client and one JSON mapper.
 * Every request the gateway makes of the centre (events, stream figures, the registry, media, the
 * control link) goes through here, so they share one connection pool and are authenticated alike.
 * The gateway always dials out: the centre never needs to reach a commune's address.
 */
public final class CentreClient {

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = GatewayJson.mapper();

    /**
     * @param baseUrl        the centre's base URL, e.g. https://ioc.example:8080 (a path prefix is kept)
     * @param token          the gateway's token; null or blank for none
     * @param connectTimeout how long to wait for a TCP connection: short, so a dead link is noticed
     *                       and retried soon after it returns
     */
    public CentreClient(String baseUrl, String token, Duration connectTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.base = URI.create(baseUrl.replaceAll("/+$", ""));
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the centre's URL must be http:// or https://, got " + baseUrl);
        }
        this.token = token == null || token.isBlank() ? null : token;
        // HTTP/1.1: the WebSocket link needs it, and each request is small enough that h2 buys nothing
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** The centre's base URL, without a trailing slash. */
    public String baseUrl() {
        return base.toString();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** A request to the centre with this gateway's token. */
    public HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request, body);
    }

    /** A WebSocket to the centre at {@code path} (ws:// or wss:// as the base URL is http or https), with the token. */
    public WebSocket.Builder webSocket(Duration connectTimeout) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public URI webSocketUri(String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + path);
    }

    public ObjectMapper json() {
        return json;
    }

    public byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
