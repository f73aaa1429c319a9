package io.canhgac.gateway.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.gateway.centre.CentreClient;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The centre's resumable media routes, answered as what the uploader does next:
 * {@code PUT /api/ingest/media/{id}/chunks} and {@code GET /api/ingest/media/{id}/received}.
 */
final class CentreMedia {

    sealed interface Answer {
    }

    /** The centre holds this many bytes (a chunk taken, or where to resume). */
    record Held(long received) implements Answer {
    }

    /** Stored now or before: the spool may let it go. */
    record Stored() implements Answer {
    }

    /** Refused for good: trying again cannot help (EVENT_UNKNOWN, HASH_MISMATCH, …). */
    record Refused(int status, String problem, String detail) implements Answer {
    }

    /** The link or the centre is down (or will not take it now): back off and ask again. */
    record Unavailable(String why) implements Answer {
    }

    private final CentreClient centre;
    private final Duration timeout;

    CentreMedia(CentreClient centre, Duration timeout) {
        this.centre = centre;
        this.timeout = timeout;
    }

    Answer received(SpooledMedia media) throws InterruptedException {
        return call(centre.request("/api/ingest/media/" + media.id() + "/received", timeout).GET().build());
    }

    /** Bytes {@code [offset, offset + length)} of the file; an empty chunk at the end completes an upload held whole. */
    Answer chunk(SpooledMedia media, long offset, byte[] bytes, int length) throws InterruptedException {
        String query = "?offset=" + offset + "&size=" + media.sizeBytes() + "&eventId=" + media.eventId()
                + "&cameraId=" + enc(media.cameraId()) + "&kind=" + media.kind()
                + "&capturedAt=" + enc(media.capturedAt().toString()) + "&sha256=" + media.sha256();
        return call(centre.request("/api/ingest/media/" + media.id() + "/chunks" + query, timeout)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, 0, length)).build());
    }

    private Answer call(HttpRequest request) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = centre.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unavailable(e.toString());
        }
        int status = answer.statusCode();
        JsonNode body = parse(answer.body());
        String problem = body.path("problem").asText(null);
        if (status == 200 || status == 201) {
            return body.path("stored").asBoolean(false) ? new Stored() : new Held(body.path("received").asLong(0));
        }
        if (status == 409 && body.has("received")) {
            return new Held(body.get("received").asLong());
        }
        if (problem != null && (status == 404 || status == 409) || status == 400 || status == 413 || status == 415 || status == 422) {
            return new Refused(status, problem == null ? "HTTP_" + status : problem, body.path("detail").asText(abbreviate(answer.body())));
        }
        // 401/403 (token), 408/429, 5xx, or a 404 without a problem (a centre without these routes): not this file's fault
        return new Unavailable("the centre answered " + status + " " + abbreviate(answer.body()));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? centre.json().createObjectNode() : centre.json().readTree(body);
        } catch (IOException e) {
            return centre.json().createObjectNode();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
