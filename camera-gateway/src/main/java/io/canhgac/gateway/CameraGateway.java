package io.canhgac.gateway;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.camera.CameraWorker;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Pulls every configured camera stream, detects motion and publishes events and status changes. */
public final class CameraGateway implements AutoCloseable {

    private final Map<String, CameraWorker> workers = new LinkedHashMap<>();
    private final EventLoopGroup timers = new DefaultEventLoopGroup(1, new DefaultThreadFactory("gateway-timer", true));

    /** @param streams camera id to stream URL (credentials may be in the URL) */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink) {
        this(streams, settings, cameraId -> CameraMotionSettings.DEFAULTS, sink);
    }

    /** @param motion each camera's zones, masks, sensitivity and arming schedule */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings,
                         Function<String, CameraMotionSettings> motion, CameraEventSink sink) {
        streams.forEach((cameraId, url) -> workers.put(cameraId, new CameraWorker(
                cameraId,
                () -> new FfmpegFrameSource(url, settings.ioTimeout()),
                () -> new RunningAverageMotionDetector(settings.motion(), motion.apply(cameraId)),
                new MotionEventTracker(settings.motionStartFrames(), settings.motionEndFrames(), motion.apply(cameraId).schedule()),
                sink,
                timers.next(),
                Executors.newSingleThreadExecutor(new DefaultThreadFactory("camera-" + cameraId, true)),
                new Backoff(settings.reconnectInitial(), settings.reconnectMax()))));
    }

    public CameraGateway start() {
        workers.values().forEach(CameraWorker::start);
        return this;
    }

    public List<CameraState> states() {
        return workers.values().stream().map(CameraWorker::state).toList();
    }

    public CameraState state(String cameraId) {
        CameraWorker worker = workers.get(cameraId);
        if (worker == null) {
            throw new IllegalArgumentException("camera '" + cameraId + "' is not on this gateway");
        }
        return worker.state();
    }

    @Override
    public void close() {
        workers.values().forEach(CameraWorker::stop);
        timers.shutdownGracefully();
    }
}
