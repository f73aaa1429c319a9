package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.contract.StreamReport;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** What the outbox tests share: a journal folder of their own, events to put in it, its segment files. */
abstract class JournalFixture {

    /** Small segments, so a few hundred events make several. */
    static final JournalSettings SMALL = JournalSettings.DEFAULTS.withSegmentBytes(8 * 1024).withMaxBytes(1L << 20).withMinFreeDisk(0);

    @TempDir
    Path dir;

    EventJournal open() throws IOException {
        return EventJournal.open(dir, SMALL);
    }

    static CameraEvent motion(String camera, Instant at) {
        return new CameraEvent(UUID.randomUUID(), camera, EventType.MOTION_START, at, 0.12, null, null);
    }

    static CameraEvent offline(String camera, Instant at) {
        return CameraEvent.health(camera, CameraStatus.OFFLINE, at, "connection refused: camera powered off or wrong port");
    }

    static StreamReport figures(String camera, double fps, Instant at) {
        return new StreamReport(camera, at, CameraStatus.ONLINE, fps, 400_000, at, 10, 1000, "h264", 640, 360, 0, 0);
    }

    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
        }
    }

    static List<UUID> ids(List<EventJournal.Entry> entries) {
        return entries.stream().map(e -> e.event().id()).toList();
    }
}
