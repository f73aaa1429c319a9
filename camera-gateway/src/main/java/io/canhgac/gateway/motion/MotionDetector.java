package io.canhgac.gateway.motion;

import io.canhgac.gateway.video.LumaFrame;

/** Decides, frame by frame, how much of a camera's picture is moving. One instance per camera: it keeps a background model. */
public interface MotionDetector {

    MotionSample analyse(LumaFrame frame);
}
