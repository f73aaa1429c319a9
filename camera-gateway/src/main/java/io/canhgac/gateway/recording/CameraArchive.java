package io.canhgac.gateway.recording;

import io.canhgac.contract.recording.RecordingGap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One camera's recording on disk and its index: the segment files (their names say their spans) and
 * {@code gaps.log}, one line per gap whose reason the gateway knew when it happened (camera offline,
 * disk guard, retention). A hole between segments that the log does not explain is time the gateway
 * was not running. Everything is rebuilt from the folder at start-up; unfinished segments are repaired.
 */
final class CameraArchive {

    private static final Logger log = LoggerFactory.getLogger(CameraArchive.class);
    /** Segments closer than this count as one span (a keyframe cut leaves no real hole). */
    static final Duration JOIN = Duration.ofMillis(1500);
    static final String GATEWAY_DOWN = "GATEWAY_DOWN";
    static final String RETENTION = "RETENTION";
    static final String CAMERA_OFFLINE = "CAMERA_OFFLINE";
    /** A camera-offline gap the camera's own storage could not fill, and why: it keeps no recording we can reach, */
    static final String NO_CAMERA_RECORDING = "CAMERA_OFFLINE_NO_REPLAY";
    /** … its storage lacks that stretch too, */
    static final String NOT_ON_CAMERA = "CAMERA_OFFLINE_NOT_ON_CAMERA";
    /** … it refused the account or the replay, */
    static final String REPLAY_REFUSED = "CAMERA_OFFLINE_REPLAY_REFUSED";
    /** … or every try failed. */
    static final String REPLAY_FAILED = "CAMERA_OFFLINE_REPLAY_FAILED";

    private final String cameraId;
    private final Path dir;
    private final Path gapLog;
    private final Path firstFile;
    private final TreeMap<Instant, Segment> segments = new TreeMap<>();
    private final List<RecordingGap> gaps = new ArrayList<>();
    private Segment open;
    private Instant first;
    /** Why nothing is being recorded now, and since when; null while recording. */
    private RecordingGap idle;

    CameraArchive(String cameraId, Path dir) {
        this.cameraId = cameraId;
        this.dir = dir;
        this.gapLog = dir.resolve("gaps.log");
        this.firstFile = dir.resolve("first");
        try {
            Files.createDirectories(dir);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the recording of camera " + cameraId + " in " + dir, e);
        }
    }

    private void load() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Optional<Instant> part = Segment.partStart(f);
                Optional<Segment> s = part.isPresent() ? SegmentRepair.repair(f, part.get()) : Segment.finished(f, Files.size(f));
                s.ifPresent(seg -> segments.put(seg.start(), seg));
            }
        }
        if (Files.exists(firstFile)) {
            first = Instant.ofEpochMilli(Long.parseLong(Files.readString(firstFile).trim()));
        } else if (!segments.isEmpty()) {
            first = segments.firstKey();
        }
        if (Files.exists(gapLog)) {
            for (String line : Files.readAllLines(gapLog, StandardCharsets.US_ASCII)) {
                String[] f = line.trim().split(" ");
                if (f.length == 3) { // a line cut by a crash is skipped
                    try {
                        gaps.add(new RecordingGap(Instant.ofEpochMilli(Long.parseLong(f[0])), Instant.ofEpochMilli(Long.parseLong(f[1])), f[2]));
                    } catch (NumberFormatException ignored) {
                        // same
                    }
                }
            }
        }
        log.debug("camera {}: {} segments, {} gaps on disk", cameraId, segments.size(), gaps.size());
    }

    String cameraId() {
        return cameraId;
    }

    Path dir() {
        return dir;
    }

    synchronized void opened(Segment s) {
        open = s;
        idle = null;
        if (first == null) {
            first = s.start();
            write(firstFile, Long.toString(first.toEpochMilli()), false);
        }
    }

    synchronized void progress(Segment s) {
        open = s;
    }

    synchronized void finished(Segment s) {
        open = null;
        if (s != null) {
            segments.put(s.start(), s);
        }
    }

    /** A segment written into a gap from the camera's own storage: into the index, the open segment untouched. */
    synchronized void filled(Segment s) {
        segments.put(s.start(), s);
    }

    /** Nothing is recorded from {@code since} on, for {@code reason}; ends with the next segment. */
    synchronized void idle(Instant since, String reason) {
        idle = new RecordingGap(since, since, reason);
    }

    /** A gap whose reason is known, kept in the log. */
    synchronized void gap(Instant from, Instant to, String reason) {
        if (!to.isAfter(from)) {
            return;
        }
        gaps.add(new RecordingGap(from, to, reason));
        write(gapLog, from.toEpochMilli() + " " + to.toEpochMilli() + " " + reason + "\n", true);
    }

    /** Where the newest recorded picture ends; null before any. */
    synchronized Instant lastEnd() {
        if (open != null) {
            return open.end();
        }
        return segments.isEmpty() ? null : segments.lastEntry().getValue().end();
    }

    synchronized Instant oldest() {
        if (!segments.isEmpty()) {
            return segments.firstKey();
        }
        return open == null ? null : open.start();
    }

    /** Every segment, the open one last, oldest first. */
    synchronized List<Segment> all() {
        List<Segment> all = new ArrayList<>(segments.values());
        if (open != null) {
            all.add(open);
        }
        return all;
    }

    synchronized List<Segment> finishedSegments() {
        return new ArrayList<>(segments.values());
    }

    /** Segments that hold something of [from, to), oldest first. */
    synchronized List<Segment> overlapping(Instant from, Instant to) {
        List<Segment> found = new ArrayList<>();
        Map.Entry<Instant, Segment> before = segments.floorEntry(from);
        Instant start = before == null ? from : before.getKey();
        for (Segment s : segments.subMap(start, true, to, false).values()) {
            if (s.overlaps(from, to)) {
                found.add(s);
            }
        }
        if (open != null && open.start().isBefore(to) && !open.end().isBefore(from)) {
            found.add(open);
        }
        return found;
    }

    /** The first segment that starts after {@code start}, the open one included. */
    synchronized Optional<Segment> after(Instant start) {
        Map.Entry<Instant, Segment> next = segments.higherEntry(start);
        if (next != null) {
            return Optional.of(next.getValue());
        }
        return open != null && open.start().isAfter(start) ? Optional.of(open) : Optional.empty();
    }

    /** The segment that starts at {@code start} as the index knows it now (open, finished or deleted). */
    synchronized Optional<Segment> current(Instant start) {
        if (open != null && open.start().equals(start)) {
            return Optional.of(open);
        }
        return Optional.ofNullable(segments.get(start));
    }

    synchronized boolean isOpen(Instant start) {
        return open != null && open.start().equals(start);
    }

    synchronized long bytes() {
        long total = open == null ? 0 : open.bytes();
        for (Segment s : segments.values()) {
            total += s.bytes();
        }
        return total;
    }

    /** Retention removes a segment: a hole it leaves among kept ones (a hold's) says so. */
    synchronized boolean delete(Segment s) {
        try {
            Files.deleteIfExists(s.file());
        } catch (IOException e) {
            log.warn("camera {}: segment {} not deleted: {}", cameraId, s.file().getFileName(), e.toString());
            return false;
        }
        boolean wasOldest = !segments.isEmpty() && segments.firstKey().equals(s.start());
        segments.remove(s.start());
        if (!wasOldest) {
            gap(s.start(), s.end(), RETENTION);
        }
        return true;
    }

    synchronized RecordingTimeline timeline(Instant from, Instant to, String stream, Instant now) {
        return RecordingTimeline.of(all(), gaps, first, idle, from, to, stream, now);
    }

    private static void write(Path file, String text, boolean append) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            log.warn("cannot write {}: {}", file, e.toString());
        }
    }
}
