package io.canhgac.event.media;

import java.time.Instant;
import java.util.UUID;

/** One stored snapshot or clip as users see it; {@code url} serves the file. */
record MediaView(UUID id, UUID eventId, String cameraId, String communeId, MediaKind kind, String contentType,
                 long sizeBytes, String sha256, Instant capturedAt, String url) {
}
