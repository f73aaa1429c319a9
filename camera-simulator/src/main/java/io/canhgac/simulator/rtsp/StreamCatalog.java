package io.canhgac.simulator.rtsp;

import java.util.Optional;

/** Finds the stream a request path names, e.g. "sub" or "main". */
@FunctionalInterface
public interface StreamCatalog {
    Optional<StreamBroadcaster> find(String name);
}
