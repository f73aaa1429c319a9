package io.canhgac.gateway.motion;

/**
 * Tuning of {@link RunningAverageMotionDetector}; the defaults suit a 360p substream.
 *
 * @param analysisHeight       the picture is shrunk to about this many rows before analysis
 * @param pixelThreshold       difference from the background, in contrast-stretched luma levels, that marks
 *                             a cell as changed (1-255), at sensitivity 5
 * @param minAreaFraction      area of one moving blob, as a fraction of the analysed picture, that counts
 *                             as motion, at sensitivity 5
 * @param globalChangeFraction changed fraction of the watched picture above which the change is taken as
 *                             lighting, not motion (a third of it, spread over most of the picture, too)
 * @param backgroundAlpha      how fast the background follows the picture, per frame (0-1)
 * @param warmupFrames         frames used to learn the background before anything is reported
 * @param stillFrames          a blob none of whose cells has changed for this many frames is no longer
 *                             motion but a ghost (people who stopped, a frozen picture, the place something
 *                             left) and is taken into the background at once; 0 turns this off
 */
public record MotionSettings(int analysisHeight, int pixelThreshold, double minAreaFraction,
                             double globalChangeFraction, double backgroundAlpha, int warmupFrames, int stillFrames) {

    public static final MotionSettings DEFAULTS = new MotionSettings(90, 20, 0.001, 0.45, 0.05, 5, 5);

    public MotionSettings {
        if (analysisHeight < 16 || analysisHeight > 1080) {
            throw new IllegalArgumentException("analysisHeight must be 16..1080, was " + analysisHeight);
        }
        if (pixelThreshold < 1 || pixelThreshold > 255) {
            throw new IllegalArgumentException("pixelThreshold must be 1..255, was " + pixelThreshold);
        }
        if (!(minAreaFraction > 0 && minAreaFraction < globalChangeFraction && globalChangeFraction <= 1)) {
            throw new IllegalArgumentException("need 0 < minAreaFraction < globalChangeFraction <= 1");
        }
        if (!(backgroundAlpha > 0 && backgroundAlpha < 1) || warmupFrames < 1) {
            throw new IllegalArgumentException("backgroundAlpha must be in (0, 1) and warmupFrames >= 1");
        }
        if (stillFrames < 0) {
            throw new IllegalArgumentException("stillFrames must be >= 0, was " + stillFrames);
        }
    }

    /** The same settings with ghost ending set to {@code frames} (0: blobs stay motion until the background absorbs them). */
    public MotionSettings withStillFrames(int frames) {
        return new MotionSettings(analysisHeight, pixelThreshold, minAreaFraction, globalChangeFraction, backgroundAlpha,
                warmupFrames, frames);
    }
}
