package io.canhgac.gateway.link;

import io.canhgac.contract.link.LinkRequest;

/** Does what the centre asks. Called on the link's receiving thread: hand blocking work to another thread. */
@FunctionalInterface
public interface LinkRequestHandler {

    void handle(LinkRequest request, LinkReplies replies);

    /** The link is up (again): the registry may have changed while it was down. */
    default void linkUp() {
    }

    /** The link dropped: stop what only the centre was waiting for (live sessions). */
    default void linkDown() {
    }
}
