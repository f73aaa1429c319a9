package io.canhgac.event.media;

import io.canhgac.config.DistrictInventory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Keeps uploaded media: checks the file against the SHA-256 the gateway declared, files it under
 * {@code <camera>/<yyyy-MM-dd>/<id>.<ext>} (the district's calendar day) and records it. Idempotent
 * by media id: a gateway that lost our answer uploads again and gets DUPLICATE.
 */
@Service
class MediaStore {

    enum Outcome { STORED, DUPLICATE }

    private static final Pattern SAFE_CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final MediaRepository media;
    private final Path root;
    private final long maxBytes;
    private final ZoneId zone;

    MediaStore(MediaRepository media, MediaProperties properties, DistrictInventory inventory) {
        this.media = media;
        this.root = properties.dir().toAbsolutePath().normalize();
        this.maxBytes = properties.maxUploadSize().toBytes();
        this.zone = ZoneId.of(inventory.timezone());
    }

    Path root() {
        return root;
    }

    long maxBytes() {
        return maxBytes;
    }

    Outcome store(MediaUpload upload, InputStream body) {
        checkHash(upload);
        if (storedSize(upload).isPresent()) {
            return Outcome.DUPLICATE;
        }
        checkEvent(upload, HttpStatus.CONFLICT);
        String relative = upload.cameraId() + "/" + LocalDate.ofInstant(upload.capturedAt(), zone) + "/"
                + upload.id() + "." + upload.kind().extension();
        Path target = root.resolve(relative);
        Path incoming = null;
        try {
            Files.createDirectories(target.getParent());
            incoming = Files.createTempFile(target.getParent(), ".upload-", ".part");
            long size = copyHashing(body, incoming, upload.sha256());
            Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            incoming = null;
            return media.insertIfAbsent(upload, relative, size) ? Outcome.STORED : Outcome.DUPLICATE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media " + upload.id(), e);
        } finally {
            if (incoming != null) {
                try {
                    Files.deleteIfExists(incoming);
                } catch (IOException ignored) {
                    // a stray .part file is harmless; the next upload of this id writes a new one
                }
            }
        }
    }

    void checkHash(MediaUpload upload) {
        if (!SHA256_HEX.matcher(upload.sha256()).matches()) {
            throw new MediaRejectedException(HttpStatus.BAD_REQUEST, "BAD_HASH", "sha256 must be 64 lower-case hex digits");
        }
    }

    /** The size this id is stored with, empty when it is not; refused when it is stored with other content. */
    OptionalLong storedSize(MediaUpload upload) {
        var existing = media.findById(upload.id());
        if (existing.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!existing.get().view().sha256().equals(upload.sha256())) {
            throw new MediaRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "CONTENT_CONFLICT",
                    "media " + upload.id() + " is already stored with other content (sha256 " + existing.get().view().sha256() + ")");
        }
        return OptionalLong.of(existing.get().view().sizeBytes());
    }

    /**
     * Refuses media whose event is not stored ({@code unknown}, problem EVENT_UNKNOWN) or belongs to
     * another camera. The whole-file route answers 409 (older gateways retry it); the chunked route
     * 404, as its gateways send media only once their event is acknowledged.
     */
    void checkEvent(MediaUpload upload, HttpStatus unknown) {
        if (upload.kind() == MediaKind.RECORDING) {
            checkExport(upload);
            return;
        }
        String eventCamera = media.eventCamera(upload.eventId()).orElseThrow(() -> new MediaRejectedException(unknown,
                "EVENT_UNKNOWN", "event " + upload.eventId() + " is not stored yet: deliver the event first, then retry"));
        if (!eventCamera.equals(upload.cameraId()) || !SAFE_CAMERA_ID.matcher(upload.cameraId()).matches()) {
            throw new MediaRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "CAMERA_MISMATCH",
                    "event " + upload.eventId() + " belongs to camera " + eventCamera + ", not " + upload.cameraId());
        }
    }

    /**
     * A recording is taken only as an export the centre asked for: its id (and event id) is the
     * export's, its camera the export's. Anything else is refused, as an unknown event is.
     */
    private void checkExport(MediaUpload upload) {
        String exportCamera = media.exportCamera(upload.id()).filter(c -> upload.eventId().equals(upload.id()))
                .orElseThrow(() -> new MediaRejectedException(HttpStatus.NOT_FOUND, "EXPORT_UNKNOWN",
                        "recording " + upload.id() + " is no export the centre asked for"));
        if (!exportCamera.equals(upload.cameraId()) || !SAFE_CAMERA_ID.matcher(upload.cameraId()).matches()) {
            throw new MediaRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "CAMERA_MISMATCH",
                    "export " + upload.id() + " is of camera " + exportCamera + ", not " + upload.cameraId());
        }
    }

    /** Copies the body to {@code file}, refusing it if it is too large or its digest is not the declared one. */
    private long copyHashing(InputStream body, Path file, String declared) throws IOException {
        MessageDigest sha = Sha256.digest();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new MediaRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "media larger than " + maxBytes + " bytes");
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        String actual = Sha256.hex(sha);
        if (!actual.equals(declared)) {
            throw new MediaRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "HASH_MISMATCH",
                    "sha256 mismatch: declared " + declared + ", received " + size + " bytes hashing to " + actual);
        }
        return size;
    }
}
