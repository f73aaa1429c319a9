package io.canhgac.event.live;

import java.time.Instant;

/**
 * The live server running in this process (the centre's, which serves the cameras of every commune):
 * where it listens. At most one per process, so that tickets point at the one live port.
 */
public interface LiveServer {

    int port();

    /**
     * Closes the person's open live views now and refuses their tickets that expire before
     * {@code ticketsExpiringBy} (those issued so far): their access was withdrawn.
     */
    void endViewsOf(String user, Instant ticketsExpiringBy);
}
