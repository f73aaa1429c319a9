package io.canhgac.simulator.scene;

import java.util.SplittableRandom;

/**
 * Draws a scene's frames as 8-bit luma. Deterministic: the same script and frame index always give
 * the same picture, so an encoded scene can be cached and its ground truth trusted.
 */
public final class SceneRenderer {

    private final SceneScript script;
    private final byte[] background;

    public SceneRenderer(SceneScript script) {
        this.script = script;
        this.background = drawBackground(script.width(), script.height());
    }

    public SceneScript script() {
        return script;
    }

    /** Renders frame {@code index} (0-based within the loop) into {@code luma}, row-major, stride = width. */
    public void render(int index, byte[] luma) {
        int w = script.width();
        int h = script.height();
        SplittableRandom noise = new SplittableRandom(script.seed() * 1_000_003L + index);
        for (int i = 0; i < w * h; i++) {
            int v = (background[i] & 0xFF) + (int) Math.round(gaussian(noise) * script.noiseSigma());
            luma[i] = (byte) clamp(v);
        }
        double t = (double) index / script.fps();
        for (MovingObject o : script.objects()) {
            if (o.visibleAt(t)) {
                fill(luma, w, o.leftAt(t, w), o.top(), o.width(), o.height(), o.luma());
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Sum of uniforms: close enough to normal for sensor noise, and much cheaper than Box-Muller.
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0) * 1.7320508;
    }

    private static byte[] drawBackground(int w, int h) {
        byte[] bg = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v;
                if (y < h / 3) {
                    v = 170 + y * 40 / h;                 // sky
                } else if (y < h * 3 / 5) {
                    v = 90 + ((x / 40 + y / 30) % 3) * 12; // hillside with fields
                } else {
                    v = 110 + ((x + y) % 64 < 2 ? 40 : 0); // road with markings
                }
                bg[y * w + x] = (byte) v;
            }
        }
        fill(bg, w, w / 8, h / 3 - 40, 60, 40, 200);  // a house
        fill(bg, w, w * 5 / 8, h / 3 - 30, 90, 30, 60); // a shed
        return bg;
    }

    private static void fill(byte[] luma, int w, int left, int top, int width, int height, int value) {
        int h = luma.length / w;
        for (int y = Math.max(0, top); y < Math.min(h, top + height); y++) {
            for (int x = Math.max(0, left); x < Math.min(w, left + width); x++) {
                luma[y * w + x] = (byte) value;
            }
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
