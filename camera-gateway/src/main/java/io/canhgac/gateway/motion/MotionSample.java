package io.canhgac.gateway.motion;

/**
 * One frame's verdict.
 *
 * @param score      fraction of the analysed picture that changed, in [0, 1]
 * @param motion     whether the change counts as motion (enough connected change, not a global change)
 * @param suppressed the whole picture changed at once (lighting, IR switch, exposure): the model was
 *                   recalibrated instead of raising motion
 */
public record MotionSample(double score, boolean motion, boolean suppressed) {

    public static final MotionSample QUIET = new MotionSample(0, false, false);
}
