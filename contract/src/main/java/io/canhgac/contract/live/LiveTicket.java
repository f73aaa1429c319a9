package io.canhgac.contract.live;

import java.time.Instant;
import java.util.Objects;

/**
 * Permission for one user to watch one camera stream until {@code expiresAt}. The event-service
 * issues it (after its own access checks and audit) and the gateway's live server honours it:
 * the browser carries it in the WebSocket URL, so it must be short-lived.
 *
 * @param stream "sub" or "main"
 */
public record LiveTicket(String cameraId, String stream, String user, Instant expiresAt) {

    public LiveTicket {
        requireField(cameraId, "cameraId");
        requireField(stream, "stream");
        requireField(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The field separator of the signed text may not appear inside a field, or two tickets could sign alike. */
    private static void requireField(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.indexOf('|') >= 0 || value.length() > 200) {
            throw new IllegalArgumentException(name + " must be 1..200 characters without '|': " + value);
        }
    }
}
