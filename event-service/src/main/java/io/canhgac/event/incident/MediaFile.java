package io.canhgac.event.incident;

import java.time.Instant;
import java.util.UUID;

/** A row of event_media: a snapshot or clip under the media root, with what was recorded at capture. */
record MediaFile(UUID id, UUID eventId, String cameraId, String kind, String path, String contentType, long sizeBytes,
                 String sha256, Instant capturedAt) {
}
