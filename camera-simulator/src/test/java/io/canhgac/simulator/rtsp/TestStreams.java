package io.canhgac.simulator.rtsp;

import java.util.Optional;

/** A camera's streams for handler tests: a substream, a main stream still encoding, and a card if given. */
final class TestStreams implements StreamCatalog {

    private final StreamBroadcaster sub;
    private final CameraStorage card;

    /** @param card null for a camera without one */
    TestStreams(StreamBroadcaster sub, CameraStorage card) {
        this.sub = sub;
        this.card = card;
    }

    @Override
    public Optional<StreamBroadcaster> find(String name) {
        return "sub".equals(name) ? Optional.of(sub) : Optional.empty();
    }

    @Override
    public boolean exists(String name) {
        return "sub".equals(name) || "main".equals(name);
    }

    @Override
    public Optional<CameraStorage> storage() {
        return Optional.ofNullable(card);
    }
}
