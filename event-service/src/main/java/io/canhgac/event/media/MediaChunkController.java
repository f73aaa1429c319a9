package io.canhgac.event.media;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Chunked, resumable media upload for gateways on weak links (the ingest token). Answers:
 * 200 {@code {"received": n, "stored": false}} for a chunk taken; 201 ({@code "outcome": "STORED"})
 * for the last one, 200 ({@code "DUPLICATE"}) when the id was already stored; 409 with
 * {@code "received"} (problem OFFSET_MISMATCH) when the chunk does not start where the centre's copy
 * ends: resume from there; 404 EVENT_UNKNOWN when the event is not stored (the gateway sends media
 * only after its event was acknowledged, so it was lost or refused: do not retry); 422 HASH_MISMATCH
 * when the whole file does not match its SHA-256 (the partial is dropped); 413 for a chunk over
 * 1 MiB or a file over {@code canhgac.media.max-upload-size}.
 */
@RestController
class MediaChunkController {

    private final MediaChunks chunks;

    MediaChunkController(MediaChunks chunks) {
        this.chunks = chunks;
    }

    @PutMapping("/api/ingest/media/{id}/chunks")
    ResponseEntity<MediaChunks.Progress> chunk(@PathVariable UUID id, @RequestParam long offset, @RequestParam long size,
                                               @RequestParam UUID eventId, @RequestParam String cameraId, @RequestParam MediaKind kind,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant capturedAt,
                                               @RequestParam String sha256, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MediaChunks.MAX_CHUNK) {
            throw tooLarge(); // refused before reading it
        }
        byte[] chunk = request.getInputStream().readNBytes(MediaChunks.MAX_CHUNK + 1);
        if (chunk.length > MediaChunks.MAX_CHUNK) {
            throw tooLarge();
        }
        MediaChunks.Progress progress = chunks.append(new MediaUpload(id, eventId, cameraId, kind, capturedAt, sha256), offset, size, chunk);
        return ResponseEntity.status(progress.outcome() == MediaStore.Outcome.STORED ? HttpStatus.CREATED : HttpStatus.OK).body(progress);
    }

    /** {@code {"received": n, "stored": bool}}: where a gateway that restarted resumes. */
    @GetMapping("/api/ingest/media/{id}/received")
    MediaChunks.Progress received(@PathVariable UUID id) {
        return chunks.received(id);
    }

    private static MediaRejectedException tooLarge() {
        return new MediaRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "CHUNK_TOO_LARGE",
                "a chunk is at most " + MediaChunks.MAX_CHUNK + " bytes");
    }

    @ExceptionHandler(MediaRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MediaRejectedException e) {
        return ResponseEntity.status(e.status()).body(e.toProblem());
    }
}
