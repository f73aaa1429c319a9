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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Pulls camera streams, detects motion and publishes events and status changes. Cameras come and
 * go while it runs ({@link #attach}, {@link #detach}) as the registry changes.
 */
public final class CameraGateway implements AutoCloseable {

    private final GatewaySettings settings;
    private final Function<String, CameraMotionSettings> motion;
    private final CameraEventSink sink;
    private final Map<String, CameraWorker> workers = new LinkedHashMap<>();
    private final EventLoopGroup timers = new DefaultEventLoopGroup(1, new DefaultThreadFactory("gateway-timer", true));
    private boolean started;

    /** @param streams camera id to stream URL (credentials may be in the URL) */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink) {
        this(streams, settings, cameraId -> CameraMotionSettings.DEFAULTS, sink);
    }

    /** @param motion each camera's zones, masks, sensitivity and arming schedule */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings,
                         Function<String, CameraMotionSettings> motion, CameraEventSink sink) {
        this.settings = settings;
        this.motion = motion;
        this.sink = sink;
        streams.forEach((cameraId, url) -> workers.put(cameraId, worker(cameraId, url, motion.apply(cameraId))));
    }

    public synchronized CameraGateway start() {
        started = true;
        workers.values().forEach(CameraWorker::start);
        return this;
    }

    /** Starts pulling a camera's stream, replacing an earlier pull of the same camera. */
    public synchronized void attach(String cameraId, String url) {
        attach(cameraId, url, motion.apply(cameraId));
    }

    /** As {@link #attach(String, String)}, with the camera's own motion settings. */
    public synchronized void attach(String cameraId, String url, CameraMotionSettings settings) {
        detach(cameraId);
        CameraWorker worker = worker(cameraId, url, settings);
        workers.put(cameraId, worker);
        if (started) {
            worker.start();
        }
    }

    /** Stops pulling a camera's stream; nothing if it was not pulled. */
    public synchronized void detach(String cameraId) {
        CameraWorker old = workers.remove(cameraId);
        if (old != null) {
            old.stop();
        }
    }

    public synchronized Set<String> cameraIds() {
        return Set.copyOf(workers.keySet());
    }

    public synchronized List<CameraState> states() {
        return new ArrayList<>(workers.values().stream().map(CameraWorker::state).toList());
    }

    public synchronized CameraState state(String cameraId) {
        CameraWorker worker = workers.get(cameraId);
        if (worker == null) {
            throw new IllegalArgumentException("camera '" + cameraId + "' is not on this gateway");
        }
        return worker.state();
    }

    @Override
    public synchronized void close() {
        workers.values().forEach(CameraWorker::stop);
        timers.shutdownGracefully();
    }

    private CameraWorker worker(String cameraId, String url, CameraMotionSettings cameraMotion) {
        return new CameraWorker(
                cameraId,
                () -> new FfmpegFrameSource(url, settings.ioTimeout()),
                () -> new RunningAverageMotionDetector(settings.motion(), cameraMotion),
                new MotionEventTracker(settings.motionStartFrames(), settings.motionEndFrames(), cameraMotion.schedule()),
                sink,
                timers.next(),
                Executors.newSingleThreadExecutor(new DefaultThreadFactory("camera-" + cameraId, true)),
                new Backoff(settings.reconnectInitial(), settings.reconnectMax()));
    }
}
