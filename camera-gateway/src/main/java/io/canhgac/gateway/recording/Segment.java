package io.canhgac.gateway.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One segment file of a camera's recording. Its name is its place in the index: {@code <start>.part}
 * while it is written, {@code <start>-<end>.mp4} once finished (milliseconds since the epoch), so the
 * folder listing alone rebuilds the index.
 *
 * @param open whether it is still being written (its end and size still grow)
 */
record Segment(Path file, Instant start, Instant end, long bytes, boolean open) {

    static final String PART = ".part";
    static final String DONE = ".mp4";

    static String partName(Instant start) {
        return start.toEpochMilli() + PART;
    }

    static String doneName(Instant start, Instant end) {
        return start.toEpochMilli() + "-" + end.toEpochMilli() + DONE;
    }

    /** A finished segment from its file name; empty for anything else in the folder. */
    static Optional<Segment> finished(Path file, long bytes) {
        String name = file.getFileName().toString();
        if (!name.endsWith(DONE)) {
            return Optional.empty();
        }
        String[] times = name.substring(0, name.length() - DONE.length()).split("-");
        try {
            if (times.length == 2) {
                Instant start = Instant.ofEpochMilli(Long.parseLong(times[0]));
                Instant end = Instant.ofEpochMilli(Long.parseLong(times[1]));
                if (!end.isBefore(start)) {
                    return Optional.of(new Segment(file, start, end, bytes, false));
                }
            }
        } catch (NumberFormatException e) {
            // not ours
        }
        return Optional.empty();
    }

    /** The start of an unfinished segment from its name; empty for anything else. */
    static Optional<Instant> partStart(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(PART)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(name.substring(0, name.length() - PART.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
