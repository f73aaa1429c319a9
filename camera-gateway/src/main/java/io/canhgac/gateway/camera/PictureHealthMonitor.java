package io.canhgac.gateway.camera;

import io.canhgac.gateway.video.LumaFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches a stream's pictures for what a technician must hear about although frames still arrive:
 * a frozen picture (decoded frames identical, which sensor noise never allows), a black or
 * covered lens (dark and flat) and a defocused picture ({@link SharpnessGauge}, judged every
 * {@value #SHARPNESS_EVERY} frames: blur comes slowly). A condition must last {@code persistence}
 * to be reported, so a dark moment or one repeated frame is not a problem. Reads a sparse grid of
 * pixels: cheap.
 */
final class PictureHealthMonitor {

    static final int GRID = 48;
    static final int DARK_MEAN = 28;
    static final double FLAT_STDDEV = 6.0;

    static final int SHARPNESS_EVERY = 5;

    private final Duration persistence;
    private final SharpnessGauge sharpness = new SharpnessGauge();
    private long frames;
    private boolean blurred;
    private Instant blurredSince;
    private final int[] previous = new int[GRID * GRID];
    private final int[] current = new int[GRID * GRID];
    private boolean havePrevious;
    private Instant frozenSince;
    private Instant darkSince;
    private PictureProblem reported;

    PictureHealthMonitor(Duration persistence) {
        this.persistence = persistence;
    }

    /** A change of verdict: a problem that started, or the picture healthy again (empty inside). */
    record Change(Optional<PictureProblem> problem) {
    }

    Optional<Change> observe(LumaFrame frame) {
        sample(frame);
        boolean identical = havePrevious && java.util.Arrays.equals(previous, current);
        System.arraycopy(current, 0, previous, 0, current.length);
        havePrevious = true;

        long sum = 0;
        long squares = 0;
        for (int v : current) {
            sum += v;
            squares += (long) v * v;
        }
        double mean = (double) sum / current.length;
        double stddev = Math.sqrt(Math.max(0, (double) squares / current.length - mean * mean));
        boolean dark = mean < DARK_MEAN && stddev < FLAT_STDDEV;

        if (frames++ % SHARPNESS_EVERY == 0 && !identical && !dark) {
            blurred = sharpness.blurred(frame);
        }

        Instant at = frame.capturedAt();
        frozenSince = identical ? (frozenSince == null ? at : frozenSince) : null;
        darkSince = dark ? (darkSince == null ? at : darkSince) : null;
        blurredSince = blurred && !dark ? (blurredSince == null ? at : blurredSince) : null;
        PictureProblem now = lasting(darkSince, at) ? PictureProblem.COVERED
                : lasting(frozenSince, at) ? PictureProblem.FROZEN
                : lasting(blurredSince, at) ? PictureProblem.DEFOCUSED : null;
        if (now == reported) {
            return Optional.empty();
        }
        reported = now;
        return Optional.of(new Change(Optional.ofNullable(now)));
    }

    private boolean lasting(Instant since, Instant at) {
        return since != null && Duration.between(since, at).compareTo(persistence) >= 0;
    }

    private void sample(LumaFrame frame) {
        int w = frame.width();
        int h = frame.height();
        for (int gy = 0; gy < GRID; gy++) {
            int y = (gy * h + h / 2) / GRID;
            for (int gx = 0; gx < GRID; gx++) {
                current[gy * GRID + gx] = frame.luma((gx * w + w / 2) / GRID, y);
            }
        }
    }
}
