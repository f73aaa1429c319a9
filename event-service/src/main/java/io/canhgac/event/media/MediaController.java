package io.canhgac.event.media;

import io.canhgac.event.user.AppUser;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Snapshots and clips: gateways upload them (the ingest token, see IngestSecurityConfiguration),
 * users read them within their communes. Another commune's media is answered as absent.
 */
@RestController
class MediaController {

    private final MediaStore store;
    private final MediaRepository media;
    private final MediaRequests requests;

    MediaController(MediaStore store, MediaRepository media, MediaRequests requests) {
        this.store = store;
        this.media = media;
        this.requests = requests;
    }

    /**
     * The body is the file itself; 201 when stored, 200 when this id was already stored with the same
     * content, 409 when the event is not stored yet (retry later), 422 when the content does not match.
     */
    @PutMapping("/api/ingest/media/{id}")
    ResponseEntity<Map<String, String>> upload(@PathVariable UUID id, @RequestParam UUID eventId, @RequestParam String cameraId,
                                               @RequestParam MediaKind kind,
                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant capturedAt,
                                               @RequestParam String sha256, HttpServletRequest request) throws IOException {
        if (!sentAs(request.getContentType(), kind)) {
            throw new MediaRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "WRONG_CONTENT_TYPE", "a " + kind + " must be sent as " + kind.contentType());
        }
        MediaStore.Outcome outcome = store.store(new MediaUpload(id, eventId, cameraId, kind, capturedAt, sha256),
                request.getInputStream());
        return ResponseEntity.status(outcome == MediaStore.Outcome.STORED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("id", id.toString(), "outcome", outcome.name()));
    }

    private static boolean sentAs(String contentType, MediaKind kind) {
        try {
            return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(kind.contentType()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @GetMapping("/api/events/{id}/media")
    List<MediaView> forEvent(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        return requests.forEvent(user.scope(), id);
    }

    /** The event's snapshot, for the alert desk's cards: a redirect to the file, 404 until the gateway has sent it. */
    @GetMapping("/api/events/{id}/snapshot")
    ResponseEntity<Void> snapshot(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        return media.forEvent(user.scope(), id).stream().filter(m -> m.kind() == MediaKind.SNAPSHOT).findFirst()
                .map(m -> ResponseEntity.status(HttpStatus.FOUND).location(java.net.URI.create(m.url())).<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The file; Spring answers Range requests on a Resource body itself (206), so clips can be seeked. */
    @GetMapping("/api/media/{id}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        MediaRepository.Stored stored = media.find(user.scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no media " + id));
        Path file = store.root().resolve(stored.path()).normalize();
        if (!file.startsWith(store.root()) || !Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "media " + id + " is recorded but its file is missing");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.view().contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate()) // media never changes once stored
                .body(new FileSystemResource(file));
    }

    @ExceptionHandler(MediaRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MediaRejectedException e) {
        return ResponseEntity.status(e.status()).body(e.toProblem());
    }
}
