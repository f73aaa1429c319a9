package io.canhgac.gateway.live;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the live server finds cameras' recordings to play back: at the centre, each commune's
 * gateway over its link. Asked on the server's event loop when a viewer arrives: answer from memory.
 */
@FunctionalInterface
public interface PlaybackSources {

    /**
     * A new, unopened reader of the camera's recording from the keyframe at or before {@code from},
     * paced at {@code speed} times real time, its packets dated in 90 kHz ticks since the epoch;
     * it ends with {@link io.canhgac.gateway.video.StreamFailure#ENDED} at the end of the recording.
     * Empty when no such camera's recording is reachable from here.
     */
    Optional<PacketSource> playback(String cameraId, LiveStream stream, Instant from, int speed);

    /** No recording at all (a gateway's own live server). */
    static PlaybackSources none() {
        return (cameraId, stream, from, speed) -> Optional.empty();
    }
}
