package io.canhgac.gateway.motion;

import io.canhgac.gateway.video.LumaFrame;

/**
 * The default detector, after Frigate's and the Motion daemon's: shrink the Y plane to ~90 rows by
 * sampled block averaging (never every pixel), stretch its contrast between the 5th and 95th
 * percentiles (so a lighting step or an IR switch mostly cancels out), blur, compare with a
 * running-average background, threshold inside the watched cells (zones minus masks), and keep
 * despeckled, dilated blobs above a minimum area ({@link BlobFinder}). When most of the watched
 * picture changes at once the background is reset instead of raising motion.
 *
 * <p>A blob none of whose cells has moved away from its own recent value for
 * {@link MotionSettings#stillFrames()} frames is a ghost: people who stopped, a picture that froze, or
 * the place a departed object left in the slowly learned background. It is not motion, and its cells
 * are taken into the background at once, so an event ends when the motion does (a blob that moves
 * always has cells that change: its edges).
 */
public final class RunningAverageMotionDetector implements MotionDetector {

    /** Target spread of the 5th..95th percentile after stretching; the thresholds are tuned for it. */
    private static final float STRETCH_SPAN = 110f;
    private static final float MAX_GAIN = 3f;

    private final MotionSettings settings;
    private final CameraMotionSettings camera;
    private final float threshold;
    /** A cell drifting this far from its anchor (the value it last jumped to) has stirred. */
    private final float stirThreshold;
    private int factor;
    private int cols;
    private int rows;
    private int width;
    private int height;
    private float[] small;
    private float[] blurred;
    private float[] background;
    /** Per cell, the value (before the stretch) it last jumped to, and the frame it did. */
    private float[] anchor;
    private int[] stirredAt;
    private int minStirring;
    private boolean[] changed;
    private boolean[] watched;
    private int watchedCells;
    private int minBlobCells;
    private BlobFinder blobs;
    private byte[] rowBuffer;
    private int[] columnSums;
    private final int[] histogram = new int[256];
    /** This frame's stretch: stretched = (value - lo) * gain. */
    private int lo;
    private float gain = 1;
    private int framesSeen;
    /** The picture is also seen as a coarse grid of tiles, to tell spread-out change from a local blob. */
    private static final int TILE_COLS = 8;
    private static final int TILE_ROWS = 6;
    private int[] tileOf;
    private final boolean[] tileHits = new boolean[TILE_COLS * TILE_ROWS];
    private int watchedTiles;

    public RunningAverageMotionDetector(MotionSettings settings) {
        this(settings, CameraMotionSettings.DEFAULTS);
    }

    public RunningAverageMotionDetector(MotionSettings settings, CameraMotionSettings camera) {
        this.settings = settings;
        this.camera = camera;
        this.threshold = (float) (settings.pixelThreshold() * camera.scale());
        this.stirThreshold = threshold * 0.3f;
    }

    @Override
    public MotionSample analyse(LumaFrame frame) {
        prepare(frame.width(), frame.height());
        shrink(frame);
        blur();
        stretch();
        framesSeen++;
        boolean ghosts = settings.stillFrames() > 0;
        if (framesSeen <= settings.warmupFrames()) {
            follow(framesSeen == 1 ? 1f : 0.5f, 0.5f);
            return MotionSample.QUIET;
        }
        int raw = 0;
        java.util.Arrays.fill(tileHits, false);
        for (int i = 0; i < blurred.length; i++) {
            float v = blurred[i];
            boolean c = watched[i] && Math.abs(v - background[i]) > threshold;
            changed[i] = c;
            if (c) {
                raw++;
                tileHits[tileOf[i]] = true;
                if (ghosts) {
                    stir(i, v);
                }
            }
        }
        if (watchedCells == 0) {
            return MotionSample.QUIET;
        }
        double rawFraction = (double) raw / watchedCells;
        if (rawFraction > settings.globalChangeFraction() || (rawFraction > settings.globalChangeFraction() / 3 && spreadOut())) {
            follow(1f, 1f);
            return new MotionSample(rawFraction, false, true);
        }
        int stillSince = ghosts ? framesSeen - settings.stillFrames() : Integer.MIN_VALUE;
        BlobFinder.Blobs found = raw < minBlobCells ? BlobFinder.Blobs.NONE
                : blobs.find(changed, minBlobCells, (double) factor / width, (double) factor / height, stirredAt,
                stillSince, minStirring);
        float alpha = (float) settings.backgroundAlpha();
        follow(alpha, alpha / 4); // moving things are absorbed into the background more slowly
        for (int k = 0; k < blobs.ghostCount(); k++) {
            int cell = blobs.ghostCell(k);
            background[cell] = blurred[cell];
            anchor[cell] = blurred[cell] / gain + lo;
        }
        if (found.area() == 0) {
            return new MotionSample(0, false, false);
        }
        return new MotionSample((double) found.area() / watchedCells, true, false, found.boxes());
    }

    private void prepare(int frameWidth, int frameHeight) {
        int f = Math.max(1, frameHeight / settings.analysisHeight());
        if (small != null && f == factor && frameWidth == width && frameHeight == height) {
            return;
        }
        factor = f;
        width = frameWidth;
        height = frameHeight;
        cols = frameWidth / f;
        rows = frameHeight / f;
        int n = cols * rows;
        small = new float[n];
        blurred = new float[n];
        background = new float[n];
        anchor = new float[n];
        stirredAt = new int[n];
        changed = new boolean[n];
        watched = new boolean[n];
        rowBuffer = new byte[frameWidth];
        columnSums = new int[cols];
        blobs = new BlobFinder(cols, rows);
        watchedCells = 0;
        tileOf = new int[n];
        boolean[] tileWatched = new boolean[TILE_COLS * TILE_ROWS];
        boolean[] masked = new boolean[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                masked[r * cols + c] = camera.masked((c + 0.5) * f / frameWidth, (r + 0.5) * f / frameHeight);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                // the blur carries a masked change one cell out: the mask is grown by that cell
                boolean w = camera.inZone((c + 0.5) * f / frameWidth, (r + 0.5) * f / frameHeight) && !nearMask(masked, r, c);
                watched[i] = w;
                watchedCells += w ? 1 : 0;
                tileOf[i] = (r * TILE_ROWS / rows) * TILE_COLS + c * TILE_COLS / cols;
                tileWatched[tileOf[i]] |= w;
            }
        }
        watchedTiles = 0;
        for (boolean t : tileWatched) {
            watchedTiles += t ? 1 : 0;
        }
        minBlobCells = Math.max(2, (int) Math.round(settings.minAreaFraction() * camera.scale() * n));
        // a ghost under heavy noise still has a few cells that flicker past the stir threshold
        minStirring = Math.max(2, minBlobCells / 3);
        framesSeen = 0;
    }

    private boolean nearMask(boolean[] masked, int r, int c) {
        for (int rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1); rr++) {
            for (int cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1); cc++) {
                if (masked[rr * cols + cc]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Averages each factor x factor block from every other row and column of it (for factors of 4
     * and more): a quarter of the reads for the same picture, and the blur that follows smooths the
     * little extra noise. Each sampled row is copied out in bulk first, which is much cheaper than
     * reading the decoder's buffer byte by byte.
     */
    private void shrink(LumaFrame frame) {
        var y = frame.y();
        int stride = frame.stride();
        int step = factor >= 4 ? 2 : 1;
        int perSide = (factor + step - 1) / step;
        float norm = 1f / (perSide * perSide);
        java.util.Arrays.fill(histogram, 0);
        byte[] line = rowBuffer;
        int[] sums = columnSums;
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy += step) {
                y.get((r * factor + dy) * stride, line, 0, cols * factor);
                for (int c = 0; c < cols; c++) {
                    int base = c * factor;
                    int sum = 0;
                    for (int dx = 0; dx < factor; dx += step) {
                        sum += line[base + dx] & 0xFF;
                    }
                    sums[c] += sum;
                }
            }
            for (int c = 0; c < cols; c++) {
                float v = sums[c] * norm;
                small[r * cols + c] = v;
                histogram[(int) v]++;
            }
        }
    }

    /** 3x3 box blur as two 1-D passes, edges clamped; {@code blurred} holds the horizontal pass first. */
    private void blur() {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                int c0 = c > 0 ? c - 1 : c;
                int c1 = c < cols - 1 ? c + 1 : c;
                blurred[o + c] = (small[o + c0] + small[o + c] + small[o + c1]) * (1f / 3);
            }
        }
        float[] column = small; // the horizontal pass is done with small: reuse it
        System.arraycopy(blurred, 0, column, 0, blurred.length);
        for (int r = 0; r < rows; r++) {
            int up = (r > 0 ? r - 1 : r) * cols;
            int down = (r < rows - 1 ? r + 1 : r) * cols;
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                blurred[o + c] = (column[up + c] + column[o + c] + column[down + c]) * (1f / 3);
            }
        }
    }

    /**
     * Contrast normalisation: maps the 5th..95th percentile of the picture onto a fixed span, so
     * that a uniform brightness or gain change (a cloud, a light, auto exposure, the IR switch's grey
     * picture) leaves the normalised picture nearly unchanged. A flat picture is not amplified past
     * {@link #MAX_GAIN}.
     */
    private void stretch() {
        int total = cols * rows;
        lo = percentile(total / 20);
        int hi = percentile(total - total / 20);
        gain = Math.min(MAX_GAIN, STRETCH_SPAN / Math.max(1, hi - lo));
        for (int i = 0; i < blurred.length; i++) {
            blurred[i] = (blurred[i] - lo) * gain;
        }
    }

    /**
     * Notes whether a changed cell stirred: moved away from its anchor, the value it last jumped to
     * (so a slow walker's edge stirs too, not only a fast one's). Judged on the picture before the
     * stretch, whose percentiles jitter with noise and would shift every cell at once; and only for
     * changed cells, the only ones a blob is made of (a cell that changes anew is far from its anchor).
     */
    private void stir(int i, float stretched) {
        float v = stretched / gain + lo;
        if (Math.abs(v - anchor[i]) > stirThreshold / gain) {
            anchor[i] = v;
            stirredAt[i] = framesSeen;
        }
    }

    /**
     * Change in most of the picture's tiles at once is lighting, not an object: things that move
     * are local, even a truck close to the lens.
     */
    private boolean spreadOut() {
        int hit = 0;
        for (boolean h : tileHits) {
            hit += h ? 1 : 0;
        }
        return hit >= watchedTiles * 2 / 3;
    }

    private int percentile(int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }

    private void follow(float alphaStill, float alphaChanged) {
        for (int i = 0; i < background.length; i++) {
            float a = changed[i] ? alphaChanged : alphaStill;
            background[i] += a * (blurred[i] - background[i]);
        }
    }
}
