package io.canhgac.event.link;

/** A live stream being sent by a gateway; closing it tells the gateway to stop sending. */
public final class LiveSession implements AutoCloseable {

    private final GatewayLink link;
    private final long id;

    LiveSession(GatewayLink link, long id) {
        this.link = link;
        this.id = id;
    }

    public long id() {
        return id;
    }

    @Override
    public void close() {
        link.closeLive(id);
    }
}
