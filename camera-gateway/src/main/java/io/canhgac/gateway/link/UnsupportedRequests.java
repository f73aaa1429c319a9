package io.canhgac.gateway.link;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;

/** For a gateway without snapshots, live video or media over its link: says so at once rather than let the centre wait. */
public final class UnsupportedRequests implements GatewayRequests.Delegate {

    @Override
    public void handle(LinkRequest request, LinkReplies replies) {
        if (request instanceof LinkRequest.Call call) {
            replies.reply(new LinkReply.Failed(call.id(), "NOT_SUPPORTED", "this gateway does not do "
                    + request.getClass().getSimpleName() + " over its link"));
        } else if (request instanceof LinkRequest.LiveStart start) {
            replies.reply(new LinkReply.LiveEnded(start.session(), "NOT_SUPPORTED", "this gateway sends no live video over its link"));
        }
    }
}
