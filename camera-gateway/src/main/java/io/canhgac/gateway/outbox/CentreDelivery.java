package io.canhgac.gateway.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.centre.CentreClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * One delivery to the centre: a batch of events ({@code POST /api/ingest/events}) or the stream figures
 * ({@code PUT /api/ingest/stream-stats}), gzipped — JSON of events shrinks to about a sixth, and the
 * bytes are what a commune's link pays for.
 */
final class CentreDelivery {

    static final String EVENTS = "/api/ingest/events";
    static final String STREAM_STATS = "/api/ingest/stream-stats";
    private static final TypeReference<List<IngestOutcome>> OUTCOMES = new TypeReference<>() { };

    /** How the centre answered a batch. */
    enum Verdict {
        /** Every event acknowledged (stored now or before). */
        ACKNOWLEDGED,
        /** The centre refused the batch as malformed: some event in it it will never take. */
        REFUSED,
        /** Down, unreachable, or not answering in time: send it again later. */
        RETRY
    }

    record Answer(Verdict verdict, String why) {
    }

    private final CentreClient centre;
    private final Duration timeout;

    CentreDelivery(CentreClient centre, Duration timeout) {
        this.centre = centre;
        this.timeout = timeout;
    }

    Answer events(List<CameraEvent> batch) throws InterruptedException {
        try {
            HttpResponse<String> response = centre.send(gzipped(EVENTS, batch).POST(body(batch)).build(),
                    HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code == 200) {
                return acknowledgedAll(batch, response.body())
                        ? new Answer(Verdict.ACKNOWLEDGED, null) : new Answer(Verdict.RETRY, "not every event acknowledged");
            }
            if (code == 400 || code == 422) {
                return new Answer(Verdict.REFUSED, "HTTP " + code + ": " + response.body());
            }
            return new Answer(Verdict.RETRY, "HTTP " + code);
        } catch (IOException e) {
            return new Answer(Verdict.RETRY, e.toString());
        }
    }

    /** True when the centre took the figures (or refused them as malformed: they are not worth keeping then). */
    boolean streamStats(List<StreamReport> reports) throws InterruptedException {
        try {
            int code = centre.send(gzipped(STREAM_STATS, reports).PUT(body(reports)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return code / 100 == 2 || code == 400;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpRequest.Builder gzipped(String path, Object body) {
        return centre.request(path, timeout).header("Content-Type", "application/json").header("Content-Encoding", "gzip");
    }

    private HttpRequest.BodyPublisher body(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(centre.toJson(value));
        }
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }

    private boolean acknowledgedAll(List<CameraEvent> batch, String body) throws IOException {
        Set<UUID> acknowledged = new HashSet<>();
        centre.json().readValue(body, OUTCOMES).forEach(o -> acknowledged.add(o.id()));
        return batch.stream().allMatch(e -> acknowledged.contains(e.id()));
    }
}
