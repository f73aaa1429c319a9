package io.canhgac.event.media;

import java.time.Instant;
import java.util.UUID;

/** What a gateway says about a file it uploads; the service checks the file against {@code sha256}. */
record MediaUpload(UUID id, UUID eventId, String cameraId, MediaKind kind, Instant capturedAt, String sha256) {
}
