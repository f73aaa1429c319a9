package io.canhgac.event.health;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.event.report.Uptime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A camera's health over the last days: the share of time it was ONLINE, the periods of each status
 * (for a bar), and the events behind them, newest first.
 *
 * @param statusAtStart  the status carried into the period; UNKNOWN if there was no status change before it
 * @param uptime         ONLINE time over the whole period (time of unknown status counts as not up); null for an empty period
 * @param uptimeOfKnown  ONLINE time over the time whose status is known; null when none is
 * @param segments       the period cut where the status changed, oldest first; neighbours never share a status
 * @param entries        status changes and tamper reports, newest first, at most {@link #MAX_ENTRIES}
 * @param truncated      older entries were left out
 */
record CameraHealth(String cameraId, Instant from, Instant to, int days, CameraStatus statusAtStart,
                    Double uptime, Double uptimeOfKnown, long onlineSeconds, long downSeconds, long unknownSeconds,
                    List<Segment> segments, List<Entry> entries, boolean truncated) {

    static final int MAX_ENTRIES = 500;

    /** @param status the camera's status after the event; null for a tamper report */
    record Entry(Instant at, EventType type, CameraStatus status, String reason) {
    }

    record Segment(Instant from, Instant to, CameraStatus status) {
    }

    /** @param entries the period's entries, oldest first */
    static CameraHealth of(String cameraId, Instant from, Instant to, int days, CameraStatus initial, List<Entry> entries) {
        CameraStatus start = initial == null ? CameraStatus.UNKNOWN : initial;
        List<Uptime.Change> changes = entries.stream().filter(e -> e.status() != null)
                .map(e -> new Uptime.Change(e.at(), e.status())).toList();
        Uptime uptime = Uptime.over(from, to, start, changes);

        List<Segment> segments = new ArrayList<>();
        CameraStatus status = start;
        Instant since = from;
        for (Uptime.Change c : changes) {
            if (c.status() == status) {
                continue; // a repeated status (ONVIF and stream both saying OFFLINE) does not cut the bar
            }
            if (c.at().isAfter(since)) {
                add(segments, new Segment(since, c.at(), status));
            }
            status = c.status();
            since = c.at();
        }
        add(segments, new Segment(since, to, status));

        List<Entry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        boolean truncated = newestFirst.size() > MAX_ENTRIES;
        return new CameraHealth(cameraId, from, to, days, start, uptime.uptime(), uptime.uptimeOfKnown(),
                uptime.online().toSeconds(), uptime.down().toSeconds(), uptime.unknown().toSeconds(), segments,
                List.copyOf(truncated ? newestFirst.subList(0, MAX_ENTRIES) : newestFirst), truncated);
    }

    /** Two changes at one instant can bring the status back: the neighbours then join. */
    private static void add(List<Segment> segments, Segment next) {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.status() == next.status()) {
            segments.set(segments.size() - 1, new Segment(last.from(), next.to(), last.status()));
        } else {
            segments.add(next);
        }
    }
}
