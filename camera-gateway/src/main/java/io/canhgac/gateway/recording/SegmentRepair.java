package io.canhgac.gateway.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * A segment left unfinished by a crash, a kill or a power cut: cut after its last whole fragment
 * and named by what it holds, so it plays and counts like any other. One with no whole picture is removed.
 */
final class SegmentRepair {

    private static final Logger log = LoggerFactory.getLogger(SegmentRepair.class);

    private SegmentRepair() {
    }

    static Optional<Segment> repair(Path part, Instant start) {
        long whole;
        long endTicks = 0;
        int pictures = 0;
        try (SegmentReader reader = SegmentReader.open(part)) {
            whole = reader.position();
            try {
                for (SegmentReader.Sample s = reader.nextHeader(); s != null; s = reader.nextHeader()) {
                    endTicks = s.decodeTicks() + s.durationTicks();
                    whole = reader.position();
                    pictures++;
                }
            } catch (IOException e) {
                log.debug("segment {}: stops being readable at {}: {}", part.getFileName(), whole, e.getMessage());
            }
        } catch (IOException e) {
            pictures = 0;
            whole = 0;
        }
        try {
            if (pictures == 0) {
                Files.deleteIfExists(part);
                return Optional.empty();
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.truncate(whole);
            }
            Instant end = start.plusNanos(Ticks.toNanos(endTicks));
            Path done = part.resolveSibling(Segment.doneName(start, end));
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
            log.info("segment {} was left unfinished: kept {} pictures up to {}", part.getFileName(), pictures, end);
            return Optional.of(new Segment(done, start, end, whole, false));
        } catch (IOException e) {
            log.warn("segment {} could not be repaired: {}", part, e.toString());
            return Optional.empty();
        }
    }
}
