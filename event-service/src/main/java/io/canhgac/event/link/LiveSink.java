package io.canhgac.event.link;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;

/**
 * Where a live session's video goes at the centre (the centre's live server, which fans it out to
 * every viewer). Called on the link's receiving thread: implementations must not block.
 */
public interface LiveSink {

    void opened(LinkReply.LiveOpened stream);

    void packet(LinkFrames.LivePacket packet);

    /** The session is over: the gateway ended it (reason from its {@code LiveEnded}) or the link dropped ({@code LINK_DOWN}). */
    void ended(String reason, String message);
}
