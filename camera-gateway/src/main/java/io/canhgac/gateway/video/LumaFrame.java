package io.canhgac.gateway.video;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The luma (Y) plane of one decoded picture, read in place from the decoder: no colour conversion.
 * Valid only until the source's next call; a consumer that keeps pixels must copy them.
 */
public record LumaFrame(ByteBuffer y, int width, int height, int stride, Instant capturedAt) {

    public int luma(int x, int row) {
        return y.get(row * stride + x) & 0xFF;
    }
}
