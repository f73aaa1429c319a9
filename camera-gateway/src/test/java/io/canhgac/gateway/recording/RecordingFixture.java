package io.canhgac.gateway.recording;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.media.MediaSpool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A gateway's recording in a temporary folder, with a clock and a disk's free space the test sets. */
final class RecordingFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-07T02:10:00Z");

    final Path dir;
    final RecordingSettings settings;
    final MutableClock clock = new MutableClock(NOW);
    final AtomicLong freeBytes = new AtomicLong(1L << 40);
    final List<CameraEvent> health = new CopyOnWriteArrayList<>();
    final List<UUID> exportsQueued = new CopyOnWriteArrayList<>();
    final MediaSpool spool;
    GatewayRecording recording;

    RecordingFixture(Path dir, RecordingSettings settings) {
        this.dir = dir;
        this.settings = settings;
        this.spool = new MediaSpool(dir.resolve("media-spool"));
        open();
    }

    /** 10 s segments, 7 days, a small quota, 100 MB kept free. */
    static RecordingSettings settings(Path dir) {
        return RecordingSettings.defaults(dir.resolve("recordings")).withSegment(Duration.ofSeconds(10)).withRetention(7, java.util.Map.of())
                .withDisk(1L << 30, 100L << 20);
    }

    /** (Re)opens the recording on the folder, as a gateway start does. */
    GatewayRecording open() {
        if (recording != null) {
            recording.close();
        }
        recording = new GatewayRecording(settings, spool, health::add, exportsQueued::add, freeBytes::get, clock);
        return recording;
    }

    SyntheticCamera camera(String cameraId) {
        return new SyntheticCamera(recording.recorder(cameraId)).connect();
    }

    LinkReply.Recorded recorded(String cameraId, Instant from, Instant to) {
        return recording.recorded(new LinkRequest.Recordings(1, cameraId, from, to));
    }

    @Override
    public void close() {
        recording.close();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
