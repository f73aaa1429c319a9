package io.canhgac.event.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of an evidence ZIP's manifest.json. For media, {@code recordedSha256} and
 * {@code recordedSizeBytes} are what was stored at capture, {@code sha256} and {@code sizeBytes}
 * what was read now (null when the file could not be read).
 */
record EvidenceFile(String path, EvidenceFile.Check check, Long sizeBytes, String sha256, Long recordedSizeBytes,
                    String recordedSha256, UUID mediaId, UUID eventId, String cameraId, String kind, Instant capturedAt,
                    String problem) {

    enum Check {
        /** Written by the export itself (summary, timeline). */
        GENERATED,
        /** Read whole; its hash and size are those recorded at capture. */
        OK,
        /** Read, but its hash or size differs from what was recorded at capture. */
        ALTERED,
        /** Not in the media root (deleted, never written, or its path points outside the root). */
        MISSING,
        /** Found, but reading it failed part way; the ZIP holds what was read. */
        UNREADABLE
    }

    static EvidenceFile generated(String path, long size, String sha256) {
        return new EvidenceFile(path, Check.GENERATED, size, sha256, null, null, null, null, null, null, null, null);
    }
}
