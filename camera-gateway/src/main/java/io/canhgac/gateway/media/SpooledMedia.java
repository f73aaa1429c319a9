package io.canhgac.gateway.media;

import java.time.Instant;
import java.util.UUID;

/**
 * A media file waiting in the spool, as the event-service's upload route wants it described.
 *
 * @param kind     SNAPSHOT or CLIP
 * @param fileName the file beside this description in the spool directory
 */
public record SpooledMedia(UUID id, UUID eventId, String cameraId, String kind, String contentType,
                           Instant capturedAt, long sizeBytes, String sha256, String fileName) {
}
