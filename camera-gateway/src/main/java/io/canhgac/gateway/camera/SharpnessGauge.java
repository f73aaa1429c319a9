package io.canhgac.gateway.camera;

import io.canhgac.gateway.video.LumaFrame;

/**
 * Tells a defocused picture from the camera's own sharp one. Sharpness here is the energy of
 * pixel-to-pixel differences divided by that of differences four pixels apart, on a sparse grid:
 * blur removes fine detail far more than coarse structure, while a lighting or gain change (the IR
 * switch's grey picture) scales both alike and leaves the ratio unchanged. Each camera is compared
 * with its own baseline, learnt while the picture is sharp, since scenes differ in texture.
 */
final class SharpnessGauge {

    static final int GRID = 32;
    static final int COARSE = 4;
    /** Frames averaged before the baseline counts. */
    static final int LEARN_FRAMES = 10;
    /** Below this share of the baseline the picture counts as blurred; above RECOVER it is sharp again. */
    static final double BLURRED = 0.5;
    static final double RECOVER = 0.7;
    /** Mean coarse energy below which there is too little structure to judge (dark, flat, covered). */
    static final double MIN_STRUCTURE = 9.0;
    private static final double BASELINE_ALPHA = 0.02;

    private double baseline;
    private int learnt;
    private boolean blurred;

    /** The verdict after this frame: true while the picture is blurred against its baseline. */
    boolean blurred(LumaFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (w <= COARSE + 1 || h <= COARSE + 1) {
            return false;
        }
        double fine = 0;
        double coarse = 0;
        for (int gy = 0; gy < GRID; gy++) {
            int y = (gy * (h - COARSE - 1) + h / 2) / GRID;
            for (int gx = 0; gx < GRID; gx++) {
                int x = (gx * (w - COARSE - 1) + w / 2) / GRID;
                int p = frame.luma(x, y);
                int dx1 = frame.luma(x + 1, y) - p;
                int dy1 = frame.luma(x, y + 1) - p;
                int dx4 = frame.luma(x + COARSE, y) - p;
                int dy4 = frame.luma(x, y + COARSE) - p;
                fine += dx1 * dx1 + dy1 * dy1;
                coarse += dx4 * dx4 + dy4 * dy4;
            }
        }
        if (coarse / (GRID * GRID) < MIN_STRUCTURE) {
            return blurred; // nothing to judge by: keep the last verdict
        }
        double ratio = fine / coarse;
        if (learnt < LEARN_FRAMES) {
            baseline += (ratio - baseline) / ++learnt;
            return false;
        }
        if (blurred) {
            blurred = ratio < RECOVER * baseline;
        } else {
            blurred = ratio < BLURRED * baseline;
        }
        if (!blurred && ratio >= RECOVER * baseline) {
            baseline += BASELINE_ALPHA * (ratio - baseline); // follow slow changes of the scene, never the blur
        }
        return blurred;
    }
}
