package io.canhgac.gateway.video;

import java.time.Instant;

/**
 * One compressed picture exactly as the camera sent it (H.264/H.265 access unit), copied out of
 * FFmpeg so it can outlive the read: kept for pre-roll, remuxed into clips, decoded again for snapshots.
 *
 * @param pts        presentation time in the stream's time base ({@link StreamParameters}); may be
 *                   {@link #NO_TIMESTAMP}
 * @param dts        decoding time in the same base; may be {@link #NO_TIMESTAMP}
 * @param receivedAt when the gateway read it (the clock pictures and motion events are dated by)
 */
public record VideoPacket(byte[] data, long pts, long dts, boolean keyframe, Instant receivedAt) {

    /** FFmpeg's AV_NOPTS_VALUE. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The decoding time, or the presentation time when the stream gave none. */
    public long decodingTime() {
        return dts != NO_TIMESTAMP ? dts : pts;
    }

    public int size() {
        return data.length;
    }
}
