package io.canhgac.event.live;

/**
 * The live server running in this process (the centre's, which serves the cameras of every commune):
 * where it listens. At most one per process, so that tickets point at the one live port.
 */
@FunctionalInterface
public interface LiveServer {
    int port();
}
