package io.canhgac.event.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Resumable uploads for gateways on weak links. A chunk is appended to {@code <root>/.partial/<id>.bytes}
 * only where that file ends, so a cut costs at most the chunk in flight and a chunk sent twice is
 * never appended twice. The last chunk hands the whole file to {@link MediaStore}, which checks its
 * SHA-256 and files it exactly as a one-piece upload. {@code <id>.meta} keeps the size and hash the
 * upload started with: other content under the same id starts again from 0.
 */
@Service
class MediaChunks {

    /** The largest chunk taken: a gateway at 256 kbit/s sends 64 KiB ones, so this is ample. */
    static final int MAX_CHUNK = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(MediaChunks.class);
    private static final String DATA = ".bytes";
    private static final String META = ".meta";

    /** Where an upload stands: bytes held (all of them once stored), and how it was stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progress(long received, boolean stored, MediaStore.Outcome outcome) {
    }

    private final MediaStore store;
    private final MediaRepository media;
    private final Path dir;
    private final Duration maxAge;
    // a chunk's check, append and completion for one id happen under one lock; other ids go on
    private final Object[] locks = new Object[64];

    MediaChunks(MediaStore store, MediaRepository media, MediaProperties properties) {
        this.store = store;
        this.media = media;
        this.dir = store.root().resolve(".partial");
        this.maxAge = properties.partialMaxAge();
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** What a gateway that restarted (or lost an answer) should resume from. */
    Progress received(UUID id) {
        var stored = media.findById(id);
        if (stored.isPresent()) {
            return new Progress(stored.get().view().sizeBytes(), true, null);
        }
        synchronized (lock(id)) {
            Path data = dir.resolve(id + DATA);
            try {
                return new Progress(Files.isRegularFile(data) ? Files.size(data) : 0, false, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Appends {@code chunk} at {@code offset} of a file of {@code size} bytes. An empty chunk at
     * {@code offset == size} completes an upload whose bytes are all held (its completion failed).
     *
     * @throws ChunkOffsetException the partial file does not end at {@code offset}
     */
    Progress append(MediaUpload upload, long offset, long size, byte[] chunk) {
        store.checkHash(upload);
        if (size > store.maxBytes()) {
            throw new MediaRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "media larger than " + store.maxBytes() + " bytes");
        }
        if (size < 1 || offset < 0 || offset + chunk.length > size || (chunk.length == 0 && offset != size)) {
            throw new MediaRejectedException(HttpStatus.BAD_REQUEST, "BAD_CHUNK",
                    "a chunk of " + chunk.length + " bytes at " + offset + " does not fit a file of " + size + " bytes");
        }
        OptionalLong stored = store.storedSize(upload);
        if (stored.isPresent()) {
            return new Progress(stored.getAsLong(), true, MediaStore.Outcome.DUPLICATE); // an answer the gateway lost
        }
        synchronized (lock(upload.id())) {
            Path data = dir.resolve(upload.id() + DATA);
            Path meta = dir.resolve(upload.id() + META);
            try {
                long held = held(upload, size, data, meta);
                if (offset != held) {
                    throw new ChunkOffsetException(offset, held);
                }
                if (held == 0) {
                    store.checkEvent(upload, HttpStatus.NOT_FOUND); // before taking a single byte of it
                    Files.createDirectories(dir);
                    Files.writeString(meta, describe(size, upload));
                }
                Files.write(data, chunk, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                held += chunk.length;
                return held < size ? new Progress(held, false, null) : complete(upload, size, data, meta);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep a chunk of media " + upload.id(), e);
            }
        }
    }

    /** Bytes held for this upload; a partial begun with another size or hash is dropped (0). */
    private long held(MediaUpload upload, long size, Path data, Path meta) throws IOException {
        if (!Files.isRegularFile(data)) {
            return 0;
        }
        if (Files.isRegularFile(meta) && Files.readString(meta).equals(describe(size, upload))) {
            return Files.size(data);
        }
        log.info("Media {}: a partial upload of other content is dropped; starting again", upload.id());
        drop(data, meta);
        return 0;
    }

    private Progress complete(MediaUpload upload, long size, Path data, Path meta) throws IOException {
        MediaStore.Outcome outcome;
        try (InputStream in = Files.newInputStream(data)) {
            outcome = store.store(upload, in);
        } catch (MediaRejectedException e) {
            drop(data, meta); // e.g. a hash mismatch: these bytes will never become the file
            throw e;
        }
        // on an I/O failure above the partial stays: an empty chunk at the end completes it later
        drop(data, meta);
        return new Progress(size, true, outcome);
    }

    /** Partials untouched for longer than the configured age: at start and then daily. */
    @Scheduled(initialDelay = 0, fixedDelay = 1, timeUnit = TimeUnit.DAYS)
    void removeStaleDaily() {
        int removed = removeStale(Instant.now().minus(maxAge));
        if (removed > 0) {
            log.info("Removed {} partial media uploads untouched for {}", removed, maxAge);
        }
    }

    int removeStale(Instant before) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(dir)) {
            stale = files.filter(f -> f.getFileName().toString().endsWith(DATA)).filter(f -> olderThan(f, before)).toList();
        } catch (IOException e) {
            log.warn("Cannot list partial uploads in {}: {}", dir, e.toString());
            return 0;
        }
        int removed = 0;
        for (Path data : stale) {
            String name = data.getFileName().toString();
            UUID id;
            try {
                id = UUID.fromString(name.substring(0, name.length() - DATA.length()));
            } catch (IllegalArgumentException e) {
                continue; // not ours
            }
            synchronized (lock(id)) {
                if (olderThan(data, before)) { // not resumed meanwhile
                    try {
                        drop(data, dir.resolve(id + META));
                        removed++;
                    } catch (IOException e) {
                        log.warn("Cannot remove the partial upload {}: {}", data, e.toString());
                    }
                }
            }
        }
        return removed;
    }

    private static boolean olderThan(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(before)) < 0;
        } catch (IOException e) {
            return false; // gone already
        }
    }

    private static String describe(long size, MediaUpload upload) {
        return size + " " + upload.sha256();
    }

    private static void drop(Path data, Path meta) throws IOException {
        Files.deleteIfExists(data);
        Files.deleteIfExists(meta);
    }

    private Object lock(UUID id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }
}
