package io.canhgac.event.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.event.link.GatewayLinkException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;

/** A commune camera's recording, kept at its gateway and asked over that gateway's control link. */
final class LinkRecordings implements CameraRecordings {

    /** Recordings are an index lookup at the gateway: a slow commune link still answers well within this. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final GatewayLink link;

    LinkRecordings(GatewayLink link) {
        this.link = link;
    }

    @Override
    public LinkReply.Answer ask(LongFunction<LinkRequest.Call> request) {
        try {
            return link.call(request, TIMEOUT, null).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayLinkException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayLinkException(GatewayLinkException.LINK_DOWN, "interrupted while waiting for gateway " + link.gateway().name());
        }
    }
}
