package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.Fmp4Muxer;

import java.time.Instant;

/** The 90 kHz clock of H.264 over RTP, which segments and playback count in. */
final class Ticks {

    static final long PER_SECOND = Fmp4Muxer.TIMESCALE;

    private Ticks() {
    }

    static long toNanos(long ticks) {
        return ticks * 100_000L / 9; // 1e9 / 90 000 = 100 000 / 9
    }

    static long fromNanos(long nanos) {
        return nanos * 9 / 100_000L;
    }

    /** An instant on the 90 kHz clock counted from the epoch: what playback's packets are dated by. */
    static long ofInstant(Instant t) {
        return t.getEpochSecond() * PER_SECOND + fromNanos(t.getNano());
    }

    /** A time in a stream's own base, in 90 kHz ticks. */
    static long rescale(long t, int num, int den) {
        return Math.abs(t) < Long.MAX_VALUE / (PER_SECOND * Math.max(1, num))
                ? t * num * PER_SECOND / den
                : (long) ((double) t * num * PER_SECOND / den);
    }
}
