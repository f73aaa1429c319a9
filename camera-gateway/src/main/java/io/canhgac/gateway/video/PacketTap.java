package io.canhgac.gateway.video;

/**
 * Sees every compressed video packet of a stream as it is read, before it is decoded: for stream
 * statistics, pre-roll and clips. Called on the camera's grab thread; must not block.
 */
public interface PacketTap {

    PacketTap NONE = new PacketTap() {
        @Override
        public void opened(StreamParameters stream) {
        }

        @Override
        public void packet(VideoPacket packet) {
        }
    };

    /** Both taps, in this order. */
    static PacketTap both(PacketTap first, PacketTap second) {
        return new PacketTap() {
            @Override
            public void opened(StreamParameters stream) {
                first.opened(stream);
                second.opened(stream);
            }

            @Override
            public void packet(VideoPacket packet) {
                first.packet(packet);
                second.packet(packet);
            }

            @Override
            public void closed() {
                first.closed();
                second.closed();
            }
        };
    }

    /** A (re)connected stream; packets that follow are in its time base. */
    void opened(StreamParameters stream);

    void packet(VideoPacket packet);

    /** The stream ended or broke; no packet follows until the next {@link #opened}. */
    default void closed() {
    }
}
