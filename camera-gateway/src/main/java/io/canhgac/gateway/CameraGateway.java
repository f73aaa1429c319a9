package io.canhgac.gateway;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.camera.CameraWorker;
import io.canhgac.gateway.media.EventRecorder;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamMeter;
import io.canhgac.gateway.video.StreamStats;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Pulls every configured camera stream, detects motion and publishes events and status changes. */
public final class CameraGateway implements AutoCloseable {

    private static final Duration STATS_WINDOW = Duration.ofSeconds(5);

    private final Map<String, CameraWorker> workers = new LinkedHashMap<>();
    private final Map<String, StreamMeter> meters = new LinkedHashMap<>();
    private final EventLoopGroup timers = new DefaultEventLoopGroup(1, new DefaultThreadFactory("gateway-timer", true));
    /** Writes event clips and snapshots for all cameras, one at a time, off the grab threads; null without media. */
    private final ExecutorService mediaWriter;

    /** @param streams camera id to stream URL (credentials may be in the URL) */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink) {
        this(streams, settings, sink, null);
    }

    /** @param media where and how to keep event snapshots and clips; null for none */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink, MediaSettings media) {
        MediaSpool spool = media == null ? null : new MediaSpool(media.spoolDir());
        mediaWriter = media == null ? null : Executors.newSingleThreadExecutor(new DefaultThreadFactory("media-writer", true));
        streams.forEach((cameraId, url) -> {
            StreamMeter meter = new StreamMeter(STATS_WINDOW);
            meters.put(cameraId, meter);
            PacketTap tap = meter;
            CameraEventSink events = sink;
            Supplier<MotionDetector> detectors = () -> new RunningAverageMotionDetector(settings.motion());
            if (media != null) {
                EventRecorder recorder = new EventRecorder(cameraId, media, spool, mediaWriter);
                tap = PacketTap.both(meter, recorder);
                events = recorder.watching(sink);
                Supplier<MotionDetector> plain = detectors;
                detectors = () -> recorder.scoring(plain.get());
            }
            PacketTap packets = tap;
            workers.put(cameraId, new CameraWorker(
                    cameraId,
                    () -> new FfmpegFrameSource(url, settings.ioTimeout(), packets),
                    detectors,
                    new MotionEventTracker(settings.motionStartFrames(), settings.motionEndFrames()),
                    events,
                    timers.next(),
                    Executors.newSingleThreadExecutor(new DefaultThreadFactory("camera-" + cameraId, true)),
                    new Backoff(settings.reconnectInitial(), settings.reconnectMax())));
        });
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

    /** The camera's live stream figures: frame rate, bitrate, last frame time. */
    public StreamStats stats(String cameraId) {
        StreamMeter meter = meters.get(cameraId);
        if (meter == null) {
            throw new IllegalArgumentException("camera '" + cameraId + "' is not on this gateway");
        }
        return meter.stats();
    }

    @Override
    public void close() {
        workers.values().forEach(CameraWorker::stop);
        timers.shutdownGracefully();
        if (mediaWriter != null) {
            mediaWriter.shutdown(); // clips already handed over are still written
        }
    }
}
