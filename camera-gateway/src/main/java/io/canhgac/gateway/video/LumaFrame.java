package io.canhgac.gateway.video;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The luma (Y) plane of one decoded picture, read in place from the decoder: no colour conversion.
 * Valid only until the source's next call; a consumer that keeps pixels must copy them.
 *
 * @param capturedAt  when the gateway decoded it (the clock events are dated by)
 * @param streamNanos the picture's presentation time on the camera's own clock, in nanoseconds
 *                    from an arbitrary origin; {@link #NO_STREAM_TIME} when the stream gave none
 */
public record LumaFrame(ByteBuffer y, int width, int height, int stride, Instant capturedAt, long streamNanos) {

    public static final long NO_STREAM_TIME = Long.MIN_VALUE;

    /** A picture without a stream clock (files, tests). */
    public LumaFrame(ByteBuffer y, int width, int height, int stride, Instant capturedAt) {
        this(y, width, height, stride, capturedAt, NO_STREAM_TIME);
    }

    public int luma(int x, int row) {
        return y.get(row * stride + x) & 0xFF;
    }
}
