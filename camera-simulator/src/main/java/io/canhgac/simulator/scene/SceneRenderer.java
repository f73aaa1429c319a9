package io.canhgac.simulator.scene;

import java.util.SplittableRandom;

/**
 * Draws a scene's frames as 8-bit luma plus one chroma pair. Deterministic: the same script and
 * frame index always give the same picture, so an encoded scene can be cached and its ground
 * truth trusted.
 */
public final class SceneRenderer {

    /** The colour of a frame: a warm daylight tint, or grey in infrared night mode. */
    public record Chroma(int u, int v) {
        static final Chroma DAY = new Chroma(118, 138);
        static final Chroma GREY = new Chroma(128, 128);
    }

    private static final int COVERED_LUMA = 16;

    private final SceneScript script;
    private final byte[] background;

    public SceneRenderer(SceneScript script) {
        this.script = script;
        int shift = (int) Math.round(script.effects().stream().filter(e -> e instanceof SceneEffect.PtzView)
                .mapToDouble(e -> ((SceneEffect.PtzView) e).pan()).sum() * script.width() / 2);
        this.background = drawBackground(script.width(), script.height(), shift);
    }

    public SceneScript script() {
        return script;
    }

    /** Renders frame {@code index} (0-based within the loop) into {@code luma}, row-major, stride = width. */
    public Chroma render(int index, byte[] luma) {
        int w = script.width();
        int h = script.height();
        double t = (double) index / script.fps();
        for (SceneEffect e : script.effects()) {
            if (e instanceof SceneEffect.FrozenPicture f && f.activeAt(t)) {
                index = (int) Math.round(f.start() * script.fps()); // the picture of the moment it froze
                t = (double) index / script.fps();
            }
        }
        SplittableRandom noise = new SplittableRandom(script.seed() * 1_000_003L + index);
        if (active(SceneEffect.LensCovered.class, t)) {
            for (int i = 0; i < w * h; i++) {
                luma[i] = (byte) clamp(COVERED_LUMA + (int) Math.round(gaussian(noise)));
            }
            return Chroma.GREY;
        }
        boolean night = active(SceneEffect.IrSwitch.class, t);
        double sigma = night ? script.noiseSigma() * 2 : script.noiseSigma();
        for (int i = 0; i < w * h; i++) {
            luma[i] = (byte) clamp((background[i] & 0xFF) + (int) Math.round(gaussian(noise) * sigma));
        }
        for (SceneEffect e : script.effects()) {
            if (e instanceof SceneEffect.Foliage f) {
                drawFoliage(luma, w, f, t);
            }
        }
        for (MovingObject o : script.objects()) {
            if (o.visibleAt(t)) {
                fill(luma, w, o.leftAt(t, w), o.top(), o.width(), o.height(), o.luma());
            }
        }
        int delta = 0;
        for (SceneEffect e : script.effects()) {
            if (e instanceof SceneEffect.BrightnessStep b && b.activeAt(t)) {
                delta += b.delta();
            }
        }
        if (night || delta != 0) {
            for (int i = 0; i < w * h; i++) {
                int v = luma[i] & 0xFF;
                luma[i] = (byte) clamp((night ? 40 + v * 7 / 10 : v) + delta);
            }
        }
        for (SceneEffect e : script.effects()) {
            if (e instanceof SceneEffect.Rain r && r.activeAt(t)) {
                drawRain(luma, w, h, r.streaksPerFrame(), noise);
            }
        }
        return night ? Chroma.GREY : Chroma.DAY;
    }

    private boolean active(Class<? extends SceneEffect> kind, double t) {
        return script.effects().stream().anyMatch(e -> kind.isInstance(e) && e.activeAt(t));
    }

    /** A leafy texture that slides back and forth by up to {@code amplitude} pixels. */
    private static void drawFoliage(byte[] luma, int w, SceneEffect.Foliage f, double t) {
        int h = luma.length / w;
        double shift = f.amplitude() * Math.sin(2 * Math.PI * t / f.periodSeconds());
        for (int y = Math.max(0, f.top()); y < Math.min(h, f.top() + f.height()); y++) {
            double sway = shift * (1.0 - (double) (y - f.top()) / f.height()); // tree tops move most
            for (int x = Math.max(0, f.left()); x < Math.min(w, f.left() + f.width()); x++) {
                double u = (x - sway) * 0.35;
                double v = y * 0.27;
                int leaf = (int) (60 + 35 * Math.sin(u) * Math.cos(v) + 20 * Math.sin(u * 0.37 + v * 1.3));
                luma[y * w + x] = (byte) clamp(leaf + (luma[y * w + x] & 0xFF) / 8 - 12);
            }
        }
    }

    private static void drawRain(byte[] luma, int w, int h, int streaks, SplittableRandom random) {
        int flicker = random.nextInt(5) - 2;
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) clamp((luma[i] & 0xFF) + flicker);
        }
        int length = Math.max(6, h / 30);
        for (int s = 0; s < streaks; s++) {
            int x = random.nextInt(w);
            int y0 = random.nextInt(h);
            for (int y = y0; y < Math.min(h, y0 + length); y++) {
                luma[y * w + x] = (byte) clamp((luma[y * w + x] & 0xFF) + 50);
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Sum of uniforms: close enough to normal for sensor noise, and much cheaper than Box-Muller.
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0) * 1.7320508;
    }

    /** The landscape seen through a picture {@code w} wide whose left edge is at world x = {@code shift}. */
    private static byte[] drawBackground(int w, int h, int shift) {
        byte[] bg = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int wx = Math.floorMod(x + shift, 4 * w);
                int v;
                if (y < h / 3) {
                    v = 170 + y * 40 / h;                         // sky
                } else if (y < h * 3 / 5) {
                    v = 90 + ((wx * 16 / w + y * 12 / h) % 3) * 12; // hillside with fields
                } else {
                    v = 110 + ((wx + y) * 640 / w % 64 < 2 ? 40 : 0); // road with markings
                }
                bg[y * w + x] = (byte) v;
            }
        }
        fill(bg, w, w / 8 - shift, h / 3 - h / 9, w / 10, h / 9, 200);             // a house
        fill(bg, w, w * 5 / 8 - shift, h / 3 - h / 12, w * 9 / 64, h / 12, 60);    // a shed
        fill(bg, w, -w / 2 - shift, h / 8, w / 16, h * 2 / 3, 30);                 // a telecom mast, left of home
        fill(bg, w, w * 3 / 2 - shift, h / 3 - h / 6, w / 5, h / 6, 235);          // the commune hall, right of home
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
