package io.canhgac.gateway.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deletes what is no longer kept, oldest first: segments older than their camera's retention, then,
 * while all cameras together are over the gateway's quota, the oldest of any camera. A segment an
 * incident holds is never deleted. Then asks the disk guard whether recording may go on.
 */
final class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final RecordingSettings settings;
    private final Supplier<Collection<CameraArchive>> archives;
    private final RecordingHolds holds;
    private final DiskGuard guard;
    private final Clock clock;

    RetentionSweep(RecordingSettings settings, Supplier<Collection<CameraArchive>> archives, RecordingHolds holds,
                   DiskGuard guard, Clock clock) {
        this.settings = settings;
        this.archives = archives;
        this.holds = holds;
        this.guard = guard;
        this.clock = clock;
    }

    synchronized void run() {
        Instant now = clock.instant();
        long total = 0;
        int byAge = 0;
        List<Candidate> candidates = new ArrayList<>();
        for (CameraArchive archive : archives.get()) {
            Instant cutoff = now.minus(settings.retention(archive.cameraId()));
            for (Segment s : archive.finishedSegments()) {
                if (holds.held(archive.cameraId(), s)) {
                    continue;
                }
                if (!s.end().isAfter(cutoff)) {
                    if (archive.delete(s)) {
                        byAge++;
                    }
                } else {
                    candidates.add(new Candidate(archive, s));
                }
            }
            total += archive.bytes();
        }
        int byQuota = 0;
        if (total > settings.quotaBytes()) {
            candidates.sort(Comparator.comparing(c -> c.segment.start()));
            for (Candidate c : candidates) {
                if (total <= settings.quotaBytes()) {
                    break;
                }
                if (c.archive.delete(c.segment)) {
                    total -= c.segment.bytes();
                    byQuota++;
                }
            }
        }
        if (byAge + byQuota > 0) {
            log.debug("Retention: {} segments past their days, {} over the quota removed", byAge, byQuota);
        }
        guard.check();
    }

    private record Candidate(CameraArchive archive, Segment segment) {
    }
}
