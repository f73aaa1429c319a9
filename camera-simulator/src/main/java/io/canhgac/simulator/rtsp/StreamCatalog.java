package io.canhgac.simulator.rtsp;

import java.util.Optional;

/** Finds the stream a request path names, e.g. "sub" or "main". */
public interface StreamCatalog {

    /** The stream, if it is ready to play. */
    Optional<StreamBroadcaster> find(String name);

    /** Whether the camera has such a stream at all (it may still be starting). */
    boolean exists(String name);

    /** The camera's own recording, which replay sessions play; empty for a camera without one. */
    default Optional<CameraStorage> storage() {
        return Optional.empty();
    }
}
