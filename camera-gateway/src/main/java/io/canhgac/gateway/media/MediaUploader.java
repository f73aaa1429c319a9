package io.canhgac.gateway.media;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Uploads the spool to the event-service ({@code PUT /api/ingest/media/{id}}, the gateway token),
 * oldest first, deleting each file once the service has it (stored now or before). While the link
 * or the service is down it waits with capped exponential backoff; media whose event the service
 * does not have yet (409: the event publisher is still catching up) is simply tried again later.
 */
public final class MediaUploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaUploader.class);

    private final MediaSpool spool;
    private final CentreClient centre;
    private final Duration requestTimeout;
    private final Backoff backoff;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "media-uploader");
        t.setDaemon(true);
        return t;
    });
    private long retryAtNanos;

    /** @param poll how often the spool is looked at when all is well */
    public MediaUploader(MediaSpool spool, CentreClient centre, Duration requestTimeout, Backoff backoff, Duration poll) {
        this.spool = spool;
        this.centre = centre;
        this.requestTimeout = requestTimeout;
        this.backoff = backoff;
        thread.scheduleWithFixedDelay(this::pass, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Media still waiting in the spool. */
    public int pending() {
        return spool.pending().size();
    }

    private void pass() {
        if (System.nanoTime() - retryAtNanos < 0) {
            return; // backing off after a failure
        }
        try {
            for (SpooledMedia media : spool.pending()) {
                if (!deliver(media)) {
                    retryAtNanos = System.nanoTime() + backoff.next().toNanos();
                    return;
                }
            }
            backoff.reset();
        } catch (RuntimeException e) {
            log.warn("Media upload pass failed: {}", e.toString());
        }
    }

    /** False when the link or the service is down: stop this pass and back off. */
    private boolean deliver(SpooledMedia media) {
        if (!Files.isRegularFile(spool.file(media))) {
            log.error("Media {}: its file {} is missing from the spool; description set aside", media.id(), media.fileName());
            spool.rejectDescription(media);
            return true;
        }
        HttpResponse<String> answer;
        try {
            answer = centre.send(request(media), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.debug("Media {} not uploaded, the event-service is unreachable: {}", media.id(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        int status = answer.statusCode();
        try {
            if (status == 200 || status == 201) {
                spool.remove(media);
                log.debug("Media {} ({} of event {}) delivered", media.id(), media.kind(), media.eventId());
                return true;
            }
            if (status == 409) {
                return true; // its event is not there yet; the next pass tries again, the others go on
            }
            if (status == 401 || status == 403 || status >= 500) {
                log.warn("Media {} not uploaded: the event-service answered {} {}", media.id(), status, answer.body());
                return false;
            }
            log.error("Media {} refused by the event-service ({} {}); moved to {}", media.id(), status, answer.body(),
                    spool.dir().resolve("rejected"));
            spool.reject(media);
            return true;
        } catch (IOException e) {
            log.warn("Media {}: spool bookkeeping failed: {}", media.id(), e.toString());
            return true;
        }
    }

    private HttpRequest request(SpooledMedia media) throws IOException {
        String query = "?eventId=" + media.eventId() + "&cameraId=" + enc(media.cameraId()) + "&kind=" + media.kind()
                + "&capturedAt=" + enc(media.capturedAt().toString()) + "&sha256=" + media.sha256();
        return centre.request("/api/ingest/media/" + media.id() + query, requestTimeout)
                .header("Content-Type", media.contentType())
                .PUT(HttpRequest.BodyPublishers.ofFile(spool.file(media)))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
