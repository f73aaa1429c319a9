package io.canhgac.gateway.live;

import java.util.Map;
import java.util.Optional;

/** Where the live server finds a camera's RTSP streams (with credentials); the gateway's registry provides it. */
@FunctionalInterface
public interface CameraStreams {

    Optional<String> rtspUrl(String cameraId, LiveStream stream);

    /** From fixed maps of camera id to RTSP URL; a camera without a main stream in {@code main} has none. */
    static CameraStreams of(Map<String, String> sub, Map<String, String> main) {
        Map<String, String> subCopy = Map.copyOf(sub);
        Map<String, String> mainCopy = Map.copyOf(main);
        return (cameraId, stream) -> Optional.ofNullable((stream == LiveStream.SUB ? subCopy : mainCopy).get(cameraId));
    }
}
