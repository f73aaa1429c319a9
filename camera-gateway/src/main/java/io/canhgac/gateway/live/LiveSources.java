package io.canhgac.gateway.live;

import java.time.Duration;
import java.util.Optional;

/**
 * The camera streams a live server can serve. Asked on the server's event loop when a stream's first
 * viewer arrives and for each snapshot: answer from memory, or cache.
 */
@FunctionalInterface
public interface LiveSources {

    /** Empty when no such camera stream is reachable from here (the viewer is told UNKNOWN_CAMERA). */
    Optional<LiveSource> find(String cameraId, LiveStream stream);

    /** The cameras' own RTSP streams, read through FFmpeg's demuxer; {@code ioTimeout} bounds every read. */
    static LiveSources rtsp(CameraStreams cameras, Duration ioTimeout) {
        return RtspSource.sources(cameras, url -> new FfmpegPacketSource(url, ioTimeout), ioTimeout);
    }

    /** No camera at all. */
    static LiveSources none() {
        return (cameraId, stream) -> Optional.empty();
    }
}
