package io.canhgac.gateway.motion;

import io.canhgac.gateway.video.LumaFrame;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.SplittableRandom;

/** Builds test pictures whose truth is known by construction: a textured background, noise, boxes. */
final class SyntheticFrames {

    static final int W = 640;
    static final int H = 360;
    private final SplittableRandom random = new SplittableRandom(42);
    private final byte[] background = new byte[W * H];

    SyntheticFrames() {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                background[y * W + x] = (byte) (60 + (x / 32 + y / 24) % 4 * 25);
            }
        }
    }

    /** Background plus gaussian-ish noise of the given sigma, shifted in brightness, with an optional box. */
    LumaFrame frame(double noiseSigma, int brightness, Box box) {
        return frameWith(noiseSigma, brightness, box == null ? java.util.List.of() : java.util.List.of(box));
    }

    LumaFrame frameWith(double noiseSigma, int brightness, java.util.List<Box> boxes) {
        byte[] pixels = new byte[W * H];
        for (int i = 0; i < pixels.length; i++) {
            double n = (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2 * noiseSigma;
            pixels[i] = (byte) clamp((background[i] & 0xFF) + brightness + (int) Math.round(n));
        }
        for (Box box : boxes) {
            for (int y = box.top; y < box.top + box.height; y++) {
                for (int x = box.left; x < box.left + box.width; x++) {
                    pixels[y * W + x] = (byte) box.luma;
                }
            }
        }
        return new LumaFrame(ByteBuffer.wrap(pixels), W, H, W, Instant.now());
    }

    record Box(int left, int top, int width, int height, int luma) {
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
