package io.canhgac.district;

import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.gateway.live.LiveSource;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.PacketSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A commune's camera stream as the centre reaches it: through its gateway's link, looked up at each
 * (re)connection, so a gateway that dialled again is used on its new connection.
 */
final class LinkLiveSource implements LiveSource {

    private final GatewayLinks links;
    private final GatewayIdentity gateway;
    private final String cameraId;
    private final LiveStream stream;
    private final Duration timeout;

    LinkLiveSource(GatewayLinks links, GatewayIdentity gateway, String cameraId, LiveStream stream, Duration timeout) {
        this.links = links;
        this.gateway = gateway;
        this.cameraId = cameraId;
        this.stream = stream;
        this.timeout = timeout;
    }

    @Override
    public PacketSource packets() {
        return new LinkPacketSource(() -> links.find(gateway.id()), gateway.name(), cameraId, stream, timeout);
    }

    /** Made at the gateway, which decodes one keyframe; nothing to do here but wait. */
    @Override
    public CompletableFuture<byte[]> snapshot(Executor decoders) {
        return links.find(gateway.id()).map(l -> l.snapshot(cameraId, stream.path(), timeout))
                .orElseGet(() -> CompletableFuture.failedFuture(new GatewayLinkException(GatewayLinkException.LINK_DOWN,
                        "gateway " + gateway.name() + " is not connected to the centre")));
    }
}
