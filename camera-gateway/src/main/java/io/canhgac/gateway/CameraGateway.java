package io.canhgac.gateway;

import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.camera.CameraWorker;
import io.canhgac.gateway.media.EventRecorder;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;
import io.canhgac.gateway.recording.GatewayRecording;
import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamLag;
import io.canhgac.gateway.video.StreamMeter;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.StreamStats;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pulls camera streams, detects motion, keeps event snapshots and clips, and publishes events and
 * status changes. Cameras come and go while it runs ({@link #attach}, {@link #detach}) as the
 * registry changes.
 */
public final class CameraGateway implements AutoCloseable {

    private static final Duration STATS_WINDOW = Duration.ofSeconds(5);

    private final GatewaySettings settings;
    private final Function<String, CameraMotionSettings> motion;
    private final CameraEventSink sink;
    private final MediaSettings media;
    private final MediaSpool spool;
    /** Writes event clips and snapshots for all cameras, one at a time, off the grab threads; null without media. */
    private final ExecutorService mediaWriter;
    /** Around-the-clock recording; null for none. */
    private final GatewayRecording recording;
    private final Map<String, CameraWorker> workers = new LinkedHashMap<>();
    private final Map<String, StreamMeter> meters = new LinkedHashMap<>();
    private final EventLoopGroup timers = new DefaultEventLoopGroup(1, new DefaultThreadFactory("gateway-timer", true));
    private boolean started;

    /** @param streams camera id to stream URL (credentials may be in the URL) */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink) {
        this(streams, settings, cameraId -> CameraMotionSettings.DEFAULTS, sink, null);
    }

    /** @param motion each camera's zones, masks, sensitivity and arming schedule */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings,
                         Function<String, CameraMotionSettings> motion, CameraEventSink sink) {
        this(streams, settings, motion, sink, null);
    }

    /** @param media where and how to keep event snapshots and clips; null for none */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, CameraEventSink sink, MediaSettings media) {
        this(streams, settings, cameraId -> CameraMotionSettings.DEFAULTS, sink, media);
    }

    public CameraGateway(Map<String, String> streams, GatewaySettings settings,
                         Function<String, CameraMotionSettings> motion, CameraEventSink sink, MediaSettings media) {
        this(streams, settings, motion, sink, media, null);
    }

    /** @param recording records each camera around the clock; null for none */
    public CameraGateway(Map<String, String> streams, GatewaySettings settings, Function<String, CameraMotionSettings> motion,
                         CameraEventSink sink, MediaSettings media, GatewayRecording recording) {
        this.recording = recording;
        this.settings = settings;
        this.motion = motion;
        this.sink = sink;
        this.media = media;
        this.spool = media == null ? null : new MediaSpool(media.spoolDir());
        this.mediaWriter = media == null ? null : Executors.newSingleThreadExecutor(new DefaultThreadFactory("media-writer", true));
        streams.forEach((cameraId, url) -> workers.put(cameraId, worker(cameraId, url, null, motion.apply(cameraId))));
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
        attach(cameraId, url, null, settings);
    }

    /**
     * As {@link #attach(String, String, CameraMotionSettings)}, knowing the camera's main stream too:
     * where the main stream is recorded, it is pulled for recording alone (demuxed, not decoded).
     */
    public synchronized void attach(String cameraId, String url, String mainUrl, CameraMotionSettings settings) {
        detach(cameraId);
        CameraWorker worker = worker(cameraId, url, mainUrl, settings);
        workers.put(cameraId, worker);
        if (started) {
            worker.start();
        }
    }

    /** Stops pulling a camera's stream; nothing if it was not pulled. */
    public synchronized void detach(String cameraId) {
        CameraWorker old = workers.remove(cameraId);
        meters.remove(cameraId);
        if (recording != null) {
            recording.detached(cameraId);
        }
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
        return known(workers.get(cameraId), cameraId).state();
    }

    /** The camera's live stream figures: frame rate, bitrate, last frame time. */
    public synchronized StreamStats stats(String cameraId) {
        return known(meters.get(cameraId), cameraId).stats();
    }

    /** Whether the camera's pictures are analysed as fast as it sends them (late frames, worst lag). */
    public synchronized StreamLag.Snapshot lag(String cameraId) {
        return known(workers.get(cameraId), cameraId).lag();
    }

    private static <T> T known(T found, String cameraId) {
        if (found == null) {
            throw new IllegalArgumentException("camera '" + cameraId + "' is not on this gateway");
        }
        return found;
    }

    /** Every pulled camera's stream figures now, for the event-service's camera page. */
    public synchronized List<StreamReport> streamReports() {
        Instant now = Instant.now();
        List<StreamReport> reports = new ArrayList<>(workers.size());
        workers.forEach((cameraId, worker) -> {
            CameraState state = worker.state();
            StreamMeter meter = meters.get(cameraId);
            StreamStats stats = meter == null ? StreamStats.NONE : meter.stats();
            StreamParameters stream = meter == null ? null : meter.parameters();
            reports.add(new StreamReport(cameraId, now, state.status(), stats.framesPerSecond(), stats.bitsPerSecond(),
                    stats.lastFrameAt(), stats.frames(), stats.bytes(), stream == null ? null : stream.codecName(),
                    stream == null ? null : stream.width(), stream == null ? null : stream.height(), state.reconnects(),
                    worker.lag().lateFrames()));
        });
        return reports;
    }

    /**
     * The recorder rides on the worker's own read when the recorded stream is the one read (no second
     * connection); a main stream recorded while the worker reads the substream gets a pull of its own.
     */
    private PacketTap withRecording(String cameraId, PacketTap tap, String url, String mainUrl) {
        Optional<RecordedStream> recorded = recording == null ? Optional.empty() : recording.stream(cameraId);
        if (recorded.isEmpty()) {
            return tap;
        }
        if (recorded.get() == RecordedStream.MAIN && mainUrl != null && !mainUrl.equals(url)) {
            recording.recordMain(cameraId, mainUrl, settings.ioTimeout(), new Backoff(settings.reconnectInitial(), settings.reconnectMax()));
            return tap;
        }
        return PacketTap.both(tap, recording.recorder(cameraId));
    }

    @Override
    public synchronized void close() {
        workers.values().forEach(CameraWorker::stop);
        timers.shutdownGracefully();
        if (mediaWriter != null) {
            mediaWriter.shutdown(); // clips already handed over are still written
        }
    }

    private CameraWorker worker(String cameraId, String url, String mainUrl, CameraMotionSettings cameraMotion) {
        StreamMeter meter = new StreamMeter(STATS_WINDOW);
        meters.put(cameraId, meter);
        PacketTap tap = meter;
        CameraEventSink events = sink;
        Supplier<MotionDetector> detectors = () -> new RunningAverageMotionDetector(settings.motion(), cameraMotion);
        if (media != null) {
            EventRecorder recorder = new EventRecorder(cameraId, media, spool, mediaWriter);
            tap = PacketTap.both(meter, recorder);
            events = recorder.watching(sink);
            Supplier<MotionDetector> plain = detectors;
            detectors = () -> recorder.scoring(plain.get());
        }
        tap = withRecording(cameraId, tap, url, mainUrl);
        PacketTap packets = tap;
        return new CameraWorker(
                cameraId,
                () -> new FfmpegFrameSource(url, settings.ioTimeout(), packets),
                detectors,
                new MotionEventTracker(settings.motionStartFrames(), settings.motionEndFrames(), cameraMotion.schedule()),
                events,
                timers.next(),
                Executors.newSingleThreadExecutor(new DefaultThreadFactory("camera-" + cameraId, true)),
                new Backoff(settings.reconnectInitial(), settings.reconnectMax()));
    }
}
