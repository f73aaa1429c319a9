package io.canhgac.gateway.recording.replay;

import java.time.Instant;
import java.util.List;

/**
 * One picture of a replay, dated by the camera's own clock.
 *
 * @param nals          its NAL units, without start codes
 * @param discontinuity the first picture after a hole in the camera's storage
 */
public record ReplayedPicture(Instant time, List<byte[]> nals, boolean keyframe, boolean discontinuity) {

    public ReplayedPicture {
        nals = List.copyOf(nals);
    }
}
