package io.canhgac.event.live;

/** Implemented by a gateway running in this process: where its live server listens. */
@FunctionalInterface
public interface LiveServer {
    int port();
}
