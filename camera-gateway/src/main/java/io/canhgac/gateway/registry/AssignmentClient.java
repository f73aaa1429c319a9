package io.canhgac.gateway.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Asks the event-service which cameras this gateway should pull, with its gateway token. */
public final class AssignmentClient {

    private static final TypeReference<List<CameraAssignment>> LIST = new TypeReference<>() { };

    private final URI uri;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    public AssignmentClient(String serviceUrl, String token, Duration timeout) {
        this.uri = URI.create(serviceUrl.replaceAll("/+$", "") + "/api/ingest/cameras");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws IOException the service did not answer, or refused the token (the message says which) */
    public List<CameraAssignment> fetch() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException(uri + " refused this gateway's token (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), LIST);
    }
}
