package io.canhgac.gateway.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Around-the-clock recording at the gateway.
 *
 * @param dir           where segments, their index and the holds live (one folder per camera)
 * @param enabled       false: nothing is recorded (what is on disk stays, and can still be played)
 * @param stream        the stream recorded unless a camera says otherwise
 * @param cameraStreams per camera: its recorded stream
 * @param segment       segment length, 10–60 s; a segment is cut at the first keyframe after it
 * @param retentionDays days a segment is kept unless a camera says otherwise, 1–366
 * @param cameraDays    per camera: its retention in days
 * @param quotaBytes    all cameras' segments together never exceed this: the oldest go first
 * @param minFreeBytes  below this much free space on the disk, recording stops (and resumes above it)
 */
public record RecordingSettings(Path dir, boolean enabled, RecordedStream stream, Map<String, RecordedStream> cameraStreams,
                                Duration segment, int retentionDays, Map<String, Integer> cameraDays, long quotaBytes,
                                long minFreeBytes) {

    public static final Duration DEFAULT_SEGMENT = Duration.ofSeconds(30);
    static final Duration MIN_SEGMENT = Duration.ofSeconds(10);
    static final Duration MAX_SEGMENT = Duration.ofSeconds(60);

    public RecordingSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(stream, "stream");
        cameraStreams = Map.copyOf(cameraStreams);
        cameraDays = Map.copyOf(cameraDays);
        if (segment.compareTo(MIN_SEGMENT) < 0 || segment.compareTo(MAX_SEGMENT) > 0) {
            throw new IllegalArgumentException("segments are 10 to 60 s long, got " + segment.toSeconds() + " s");
        }
        checkDays(retentionDays);
        cameraDays.values().forEach(RecordingSettings::checkDays);
        if (quotaBytes < 1L << 20 || minFreeBytes < 0) {
            throw new IllegalArgumentException("the quota is at least 1 MB and the free-space floor not negative");
        }
    }

    private static void checkDays(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("retention is 1 to 366 days, got " + days);
        }
    }

    /**
     * Main stream, 30 s segments, 14 days, 1 TB for the gateway's cameras (a commune's ~10 cameras
     * at 2 Mbit/s need ~3 TB for 14 days: the quota then decides), 2 GB always left free.
     */
    public static RecordingSettings defaults(Path dir) {
        return new RecordingSettings(dir, true, RecordedStream.MAIN, Map.of(), DEFAULT_SEGMENT, 14, Map.of(), 1L << 40, 2L << 30);
    }

    public RecordedStream stream(String cameraId) {
        return cameraStreams.getOrDefault(cameraId, stream);
    }

    public Duration retention(String cameraId) {
        return Duration.ofDays(cameraDays.getOrDefault(cameraId, retentionDays));
    }

    public RecordingSettings withStream(RecordedStream s) {
        return new RecordingSettings(dir, enabled, s, cameraStreams, segment, retentionDays, cameraDays, quotaBytes, minFreeBytes);
    }

    public RecordingSettings withSegment(Duration length) {
        return new RecordingSettings(dir, enabled, stream, cameraStreams, length, retentionDays, cameraDays, quotaBytes, minFreeBytes);
    }

    public RecordingSettings withRetention(int days, Map<String, Integer> perCamera) {
        return new RecordingSettings(dir, enabled, stream, cameraStreams, segment, days, perCamera, quotaBytes, minFreeBytes);
    }

    public RecordingSettings withDisk(long quota, long minFree) {
        return new RecordingSettings(dir, enabled, stream, cameraStreams, segment, retentionDays, cameraDays, quota, minFree);
    }
}
