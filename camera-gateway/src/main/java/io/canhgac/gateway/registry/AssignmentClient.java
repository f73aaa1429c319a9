package io.canhgac.gateway.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.centre.CentreClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Asks the event-service which cameras this gateway should pull, with its gateway token. */
public final class AssignmentClient {

    private static final TypeReference<List<CameraAssignment>> LIST = new TypeReference<>() { };

    static final String PATH = "/api/ingest/cameras";

    private final CentreClient centre;
    private final Duration timeout;

    public AssignmentClient(CentreClient centre, Duration timeout) {
        this.centre = centre;
        this.timeout = timeout;
    }

    /** @throws IOException the service did not answer, or refused the token (the message says which) */
    public List<CameraAssignment> fetch() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = centre.send(centre.request(PATH, timeout).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException(centre.uri(PATH) + " refused this gateway's token (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            throw new IOException(centre.uri(PATH) + " answered HTTP " + response.statusCode());
        }
        return centre.json().readValue(response.body(), LIST);
    }
}
