package io.canhgac.gateway.motion;

import io.canhgac.contract.MotionBox;

import java.util.List;

/**
 * One frame's verdict.
 *
 * @param score      fraction of the watched picture covered by moving blobs, in [0, 1]
 * @param motion     whether the change counts as motion (a blob above the minimum area, not a global change)
 * @param suppressed the whole picture changed at once (lighting, IR switch, exposure): the model was
 *                   recalibrated instead of raising motion
 * @param boxes      the moving blobs' bounding boxes, normalised, largest first; empty without motion
 */
public record MotionSample(double score, boolean motion, boolean suppressed, List<MotionBox> boxes) {

    public static final MotionSample QUIET = new MotionSample(0, false, false, List.of());

    public MotionSample(double score, boolean motion, boolean suppressed) {
        this(score, motion, suppressed, List.of());
    }
}
