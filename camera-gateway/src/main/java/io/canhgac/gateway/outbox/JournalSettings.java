package io.canhgac.gateway.outbox;

import java.time.Duration;

/**
 * How a gateway's event outbox keeps its journal.
 *
 * @param segmentBytes  a segment file is closed and a new one begun past this size; whole segments are
 *                      what acknowledgement deletes and what a full outbox drops
 * @param maxBytes      the journal's largest size on disk. 64 MiB holds about 180,000 events: months
 *                      of a commune's events, days at the simulator's busy scripted rate. Its index of
 *                      pending events lives in the heap, about 80 bytes an event
 * @param minFreeDisk   free space the journal leaves on its disk whatever its size (the media spool and
 *                      the system need it too)
 * @param alarmFraction past this fraction of {@code maxBytes} the gateway's status raises an alarm at the centre
 * @param fsyncInterval appended events reach the disk at most this long after their append (group commit)
 */
public record JournalSettings(long segmentBytes, long maxBytes, long minFreeDisk, double alarmFraction, Duration fsyncInterval) {

    public static final JournalSettings DEFAULTS = new JournalSettings(4L << 20, 64L << 20, 256L << 20, 0.5, Duration.ofMillis(100));

    public JournalSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be 4 KiB or more, was " + segmentBytes);
        }
        if (maxBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("maxBytes must hold at least two segments (" + 2 * segmentBytes + "), was " + maxBytes);
        }
        if (minFreeDisk < 0) {
            throw new IllegalArgumentException("minFreeDisk must not be negative, was " + minFreeDisk);
        }
        if (!(alarmFraction > 0 && alarmFraction <= 1)) {
            throw new IllegalArgumentException("alarmFraction must be in (0, 1], was " + alarmFraction);
        }
        if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
            throw new IllegalArgumentException("fsyncInterval must be positive, was " + fsyncInterval);
        }
    }

    public JournalSettings withMaxBytes(long bytes) {
        return new JournalSettings(segmentBytes, bytes, minFreeDisk, alarmFraction, fsyncInterval);
    }

    public JournalSettings withSegmentBytes(long bytes) {
        return new JournalSettings(bytes, maxBytes, minFreeDisk, alarmFraction, fsyncInterval);
    }

    public JournalSettings withMinFreeDisk(long bytes) {
        return new JournalSettings(segmentBytes, maxBytes, bytes, alarmFraction, fsyncInterval);
    }
}
