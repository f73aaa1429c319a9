package io.canhgac.gateway.live;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** A camera stream read from the camera itself: packets over RTSP, a snapshot from a short connection of its own. */
final class RtspSource implements LiveSource {

    private final String url;
    private final Function<String, PacketSource> open;
    private final Duration ioTimeout;

    private RtspSource(String url, Function<String, PacketSource> open, Duration ioTimeout) {
        this.url = url;
        this.open = open;
        this.ioTimeout = ioTimeout;
    }

    /** @param open makes a packet reader of an RTSP URL (tests give scripted ones) */
    static LiveSources sources(CameraStreams cameras, Function<String, PacketSource> open, Duration ioTimeout) {
        return (cameraId, stream) -> {
            Optional<String> url = cameras.rtspUrl(cameraId, stream);
            return url.map(u -> new RtspSource(u, open, ioTimeout));
        };
    }

    @Override
    public PacketSource packets() {
        return open.apply(url);
    }

    @Override
    public CompletableFuture<byte[]> snapshot(Executor decoders) {
        return CompletableFuture.supplyAsync(() -> SnapshotDecoder.fromRtsp(url, ioTimeout), decoders);
    }
}
