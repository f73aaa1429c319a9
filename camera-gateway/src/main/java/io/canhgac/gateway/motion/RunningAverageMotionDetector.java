package io.canhgac.gateway.motion;

import io.canhgac.gateway.video.LumaFrame;

/**
 * The default detector, after Frigate's: shrink the Y plane to ~90 rows by (sampled) block averaging, blur,
 * compare with a running-average background, threshold, and count only changed cells with changed
 * neighbours (isolated noise does not count). When most of the picture changes at once the
 * background is reset instead of raising motion.
 */
public final class RunningAverageMotionDetector implements MotionDetector {

    private final MotionSettings settings;
    private int factor;
    private int cols;
    private int rows;
    private float[] small;
    private float[] blurred;
    private float[] background;
    private boolean[] changed;
    private int framesSeen;

    public RunningAverageMotionDetector(MotionSettings settings) {
        this.settings = settings;
    }

    @Override
    public MotionSample analyse(LumaFrame frame) {
        prepare(frame.width(), frame.height());
        shrink(frame);
        blur();
        framesSeen++;
        if (framesSeen <= settings.warmupFrames()) {
            follow(framesSeen == 1 ? 1f : 0.5f, 0.5f);
            return MotionSample.QUIET;
        }
        int threshold = settings.pixelThreshold();
        int raw = 0;
        for (int i = 0; i < blurred.length; i++) {
            changed[i] = Math.abs(blurred[i] - background[i]) > threshold;
            if (changed[i]) {
                raw++;
            }
        }
        double cells = blurred.length;
        if (raw / cells > settings.globalChangeFraction()) {
            follow(1f, 1f);
            return new MotionSample(raw / cells, false, true);
        }
        double score = connectedChange() / cells;
        float alpha = (float) settings.backgroundAlpha();
        follow(alpha, alpha / 4); // moving things are absorbed into the background more slowly
        return new MotionSample(score, score >= settings.minAreaFraction(), false);
    }

    private void prepare(int width, int height) {
        int f = Math.max(1, height / settings.analysisHeight());
        if (small != null && f == factor && cols == width / f && rows == height / f) {
            return;
        }
        factor = f;
        cols = width / f;
        rows = height / f;
        small = new float[cols * rows];
        blurred = new float[cols * rows];
        background = new float[cols * rows];
        changed = new boolean[cols * rows];
        framesSeen = 0;
    }

    /**
     * Averages each factor x factor block from every other row and column of it: a quarter of the
     * reads for the same picture (this loop is most of the detector's cost), and the blur that
     * follows smooths the little extra noise.
     */
    private void shrink(LumaFrame frame) {
        var y = frame.y();
        int stride = frame.stride();
        int step = factor >= 4 ? 2 : 1;
        int samples = ((factor + step - 1) / step) * ((factor + step - 1) / step);
        float norm = 1f / samples;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int sum = 0;
                int base = r * factor * stride + c * factor;
                for (int dy = 0; dy < factor; dy += step) {
                    int row = base + dy * stride;
                    for (int dx = 0; dx < factor; dx += step) {
                        sum += y.get(row + dx) & 0xFF;
                    }
                }
                small[r * cols + c] = sum * norm;
            }
        }
    }

    /** 3x3 box blur, edges clamped. */
    private void blur() {
        for (int r = 0; r < rows; r++) {
            int r0 = Math.max(0, r - 1);
            int r1 = Math.min(rows - 1, r + 1);
            for (int c = 0; c < cols; c++) {
                int c0 = Math.max(0, c - 1);
                int c1 = Math.min(cols - 1, c + 1);
                float sum = 0;
                for (int rr = r0; rr <= r1; rr++) {
                    for (int cc = c0; cc <= c1; cc++) {
                        sum += small[rr * cols + cc];
                    }
                }
                blurred[r * cols + c] = sum / ((r1 - r0 + 1) * (c1 - c0 + 1));
            }
        }
    }

    /** Changed cells with at least three changed neighbours: blobs, not speckle. */
    private int connectedChange() {
        int count = 0;
        for (int r = 1; r < rows - 1; r++) {
            for (int c = 1; c < cols - 1; c++) {
                int i = r * cols + c;
                if (!changed[i]) {
                    continue;
                }
                int neighbours = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if ((dr != 0 || dc != 0) && changed[i + dr * cols + dc]) {
                            neighbours++;
                        }
                    }
                }
                if (neighbours >= 3) {
                    count++;
                }
            }
        }
        return count;
    }

    private void follow(float alphaStill, float alphaChanged) {
        for (int i = 0; i < background.length; i++) {
            float a = changed[i] ? alphaChanged : alphaStill;
            background[i] += a * (blurred[i] - background[i]);
        }
    }
}
