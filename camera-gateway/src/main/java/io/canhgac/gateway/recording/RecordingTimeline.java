package io.canhgac.gateway.recording;

import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline shows of a camera in a range: spans (segments end to end) and the gaps between
 * them with their reasons. A hole the gap log explains takes the reason of the logged gap that covers
 * most of it (the later one on a tie: after a fill from the camera, what is left says why it stayed);
 * one it does not is time the gateway was down. Before the oldest segment kept, back to
 * the first ever recorded, is retention's.
 */
record RecordingTimeline(List<RecordedSpan> spans, List<RecordingGap> gaps, Instant oldest) {

    /** A camera silent this long at the end of its recording is shown as a gap up to now. */
    private static final Duration TRAILING = Duration.ofSeconds(5);

    static RecordingTimeline of(List<Segment> segments, List<RecordingGap> logged, Instant first, RecordingGap idle,
                                Instant from, Instant to, String stream, Instant now) {
        List<Instant[]> merged = new ArrayList<>();
        for (Segment s : segments) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.start().isAfter(last[1].plus(CameraArchive.JOIN))) {
                if (s.end().isAfter(last[1])) {
                    last[1] = s.end();
                }
            } else {
                merged.add(new Instant[] {s.start(), s.end()});
            }
        }
        List<RecordedSpan> spans = new ArrayList<>();
        List<RecordingGap> gaps = new ArrayList<>();
        Instant oldest = merged.isEmpty() ? null : merged.get(0)[0];
        if (first != null && oldest != null && first.isBefore(oldest)) {
            clip(gaps, first, oldest, CameraArchive.RETENTION, from, to);
        }
        for (int i = 0; i < merged.size(); i++) {
            Instant[] span = merged.get(i);
            if (span[0].isBefore(to) && span[1].isAfter(from)) {
                spans.add(new RecordedSpan(max(span[0], from), min(span[1], to), stream));
            }
            if (i + 1 < merged.size()) {
                Instant a = span[1];
                Instant b = merged.get(i + 1)[0];
                clip(gaps, a, b, reason(logged, a, b), from, to);
            }
        }
        Instant lastEnd = merged.isEmpty() ? null : merged.get(merged.size() - 1)[1];
        if (lastEnd != null && lastEnd.plus(TRAILING).isBefore(now)) {
            String why = idle != null ? idle.reason() : reason(logged, lastEnd, now);
            clip(gaps, lastEnd, now, why.equals(CameraArchive.GATEWAY_DOWN) ? "CAMERA_OFFLINE" : why, from, to);
        }
        return new RecordingTimeline(spans, gaps, oldest);
    }

    private static String reason(List<RecordingGap> logged, Instant a, Instant b) {
        String best = CameraArchive.GATEWAY_DOWN;
        long most = 0;
        for (RecordingGap g : logged) {
            long overlap = Duration.between(max(a, g.start()), min(b, g.end())).toMillis();
            if (overlap > 0 && overlap >= most) { // on a tie the later line wins: it says what became of the gap
                most = overlap;
                best = g.reason();
            }
        }
        return best;
    }

    private static void clip(List<RecordingGap> gaps, Instant a, Instant b, String reason, Instant from, Instant to) {
        if (a.isBefore(to) && b.isAfter(from) && b.isAfter(a)) {
            gaps.add(new RecordingGap(max(a, from), min(b, to), reason));
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
