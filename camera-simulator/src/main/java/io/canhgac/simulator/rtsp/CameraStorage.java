package io.canhgac.simulator.rtsp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a camera keeps on its own card: the last {@code retention} of its scene (the scene is
 * deterministic, so any past instant can be rendered again), less what it lost. A camera records
 * nothing while it is powered off, so a power cut becomes a hole here too; a stalled stream or a cut
 * link does not, since the camera goes on recording locally. Holes can also be made by hand for tests.
 */
public final class CameraStorage {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    /** A stretch of time, held or lost. */
    public record Range(Instant from, Instant to) {
    }

    private final Duration retention;
    private final Clock clock;
    private final List<Range> lost = new CopyOnWriteArrayList<>();
    private volatile Instant offSince;

    public CameraStorage(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    public static CameraStorage lastDay() {
        return new CameraStorage(DEFAULT_RETENTION, Clock.systemUTC());
    }

    /** The card lost {@code [from, to)} (a corrupt file, a card swapped). */
    public void lose(Instant from, Instant to) {
        if (to.isAfter(from)) {
            Instant earliest = earliest();
            lost.removeIf(r -> r.to().isBefore(earliest)); // a scripted reboot a minute must not pile up holes
            lost.add(new Range(from, to));
        }
    }

    /** The stretches lost so far (power cuts once power is back, and holes made by hand). */
    public List<Range> lost() {
        return List.copyOf(lost);
    }

    public void poweredOff() {
        if (offSince == null) {
            offSince = clock.instant();
        }
    }

    public void poweredOn() {
        Instant since = offSince;
        if (since != null) {
            offSince = null;
            lose(since, clock.instant());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** The oldest instant still on the card. */
    public Instant earliest() {
        return clock.instant().minus(retention);
    }

    /** Whether the picture of instant {@code t} is on the card. */
    public boolean holds(Instant t) {
        Instant off = offSince;
        return hole(t) == null && (off == null || t.isBefore(off)) && !t.isBefore(earliest()) && t.isBefore(clock.instant());
    }

    /** The first instant at or after {@code t} that the card holds; {@code t} itself if it holds it. */
    public Instant nextHeld(Instant t) {
        Instant at = t.isBefore(earliest()) ? earliest() : t;
        for (Range h = hole(at); h != null; h = hole(at)) {
            at = h.to();
        }
        Instant off = offSince;
        return off != null && !at.isBefore(off) ? clock.instant() : at;
    }

    /** What the card holds of {@code [from, to)}, in order. */
    public List<Range> held(Instant from, Instant to) {
        List<Range> out = new ArrayList<>();
        Instant end = to.isAfter(clock.instant()) ? clock.instant() : to;
        Instant at = nextHeld(from);
        List<Range> sorted = lost.stream().sorted(Comparator.comparing(Range::from)).toList();
        while (at.isBefore(end)) {
            Instant stop = end;
            for (Range h : sorted) {
                if (h.from().isAfter(at) && h.from().isBefore(stop)) {
                    stop = h.from();
                }
            }
            Instant off = offSince;
            if (off != null && off.isAfter(at) && off.isBefore(stop)) {
                stop = off;
            }
            out.add(new Range(at, stop));
            at = nextHeld(stop);
        }
        return out;
    }

    private Range hole(Instant t) {
        for (Range h : lost) {
            if (!t.isBefore(h.from()) && t.isBefore(h.to())) {
                return h;
            }
        }
        return null;
    }
}
