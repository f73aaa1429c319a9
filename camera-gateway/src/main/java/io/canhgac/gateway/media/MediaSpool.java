package io.canhgac.gateway.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.gateway.publish.GatewayJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Media on local disk until the event-service has it: survives a gateway restart and any length of
 * link outage. Each file sits beside a JSON description ({@link SpooledMedia}); the description is
 * written last, by rename, so whatever has one is complete. Refused files move to {@code rejected/}.
 * Bounded by {@link SpoolBound}; uploaded by {@link MediaUploader}.
 */
public final class MediaSpool {

    private static final String DESCRIPTION = ".json";

    private final Path dir;
    private final ObjectMapper json = GatewayJson.mapper();
    private final Map<String, SpooledMedia> read = new ConcurrentHashMap<>();

    public MediaSpool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media spool " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A temporary file in the spool's file system, to be filled and then {@link #add added}. */
    Path newTempFile(String suffix) throws IOException {
        return Files.createTempFile(dir, ".writing-", suffix);
    }

    /**
     * Hashes {@code file}, moves it into the spool and describes it; from now on it will be uploaded.
     * Public for benchmarks that fill a spool with a day's media.
     */
    public SpooledMedia add(Path file, UUID id, UUID eventId, String cameraId, String kind, String contentType,
                            String extension, Instant capturedAt) throws IOException {
        String name = id + "." + extension;
        Path target = dir.resolve(name);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        SpooledMedia media = new SpooledMedia(id, eventId, cameraId, kind, contentType, capturedAt,
                Files.size(target), sha256(target), name);
        Path tmp = dir.resolve("." + id + DESCRIPTION + ".tmp");
        json.writeValue(tmp.toFile(), media);
        Files.move(tmp, dir.resolve(id + DESCRIPTION), StandardCopyOption.ATOMIC_MOVE);
        return media;
    }

    /**
     * What waits, oldest first (an event's clip and snapshot go up in the order they were made).
     * Descriptions are read once each (they never change once written), so the uploader may ask
     * before every chunk even with a day's outage in the spool.
     */
    public List<SpooledMedia> pending() {
        List<SpooledMedia> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(DESCRIPTION)).toList()) {
                String name = p.getFileName().toString();
                names.add(name);
                SpooledMedia media = read.get(name);
                if (media == null) {
                    try {
                        media = json.readValue(p.toFile(), SpooledMedia.class);
                        read.put(name, media);
                    } catch (IOException e) {
                        continue; // deleted by a concurrent upload, or unreadable: the next pass sees it again or not at all
                    }
                }
                all.add(media);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the media spool " + dir, e);
        }
        read.keySet().retainAll(names);
        all.sort(Comparator.comparing(SpooledMedia::capturedAt).thenComparing(SpooledMedia::kind));
        return all;
    }

    Path file(SpooledMedia media) {
        return dir.resolve(media.fileName());
    }

    /** Delivered: the event-service has it. */
    void remove(SpooledMedia media) throws IOException {
        Files.deleteIfExists(dir.resolve(media.id() + DESCRIPTION));
        Files.deleteIfExists(file(media));
    }

    /**
     * Refused for good (e.g. its event is unknown to the centre): kept aside in {@code rejected/} with
     * {@code <id>.note} saying why, for a person to look at; not retried.
     */
    void reject(SpooledMedia media, String note) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        Files.writeString(rejected.resolve(media.id() + ".note"), Instant.now() + " " + note + System.lineSeparator());
        Files.move(file(media), rejected.resolve(media.fileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve(media.id() + DESCRIPTION), rejected.resolve(media.id() + DESCRIPTION), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A description whose file is gone: moved aside so it is not tried again. */
    void rejectDescription(SpooledMedia media) {
        try {
            Path rejected = Files.createDirectories(dir.resolve("rejected"));
            Files.move(dir.resolve(media.id() + DESCRIPTION), rejected.resolve(media.id() + DESCRIPTION), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
