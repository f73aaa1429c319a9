package io.canhgac.gateway.link;

import io.canhgac.contract.link.LinkReply;

import java.nio.ByteBuffer;

/** Where the gateway's answers go: the current connection of its control link. */
public interface LinkReplies {

    /** Queued ahead of live video; dropped if the link is down (the centre has failed the request already). */
    void reply(LinkReply reply);

    /** A snapshot picture: queued ahead of live video like an answer. */
    void picture(ByteBuffer frame);

    /** A live packet; false when it was not queued (link down, or too much live video waiting). */
    boolean live(ByteBuffer frame);

    /** Bytes of live video waiting to go out now. */
    long liveBacklog();
}
