package io.canhgac.gateway.camera;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.MotionSample;
import io.canhgac.gateway.video.FrameSource;
import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import io.canhgac.gateway.video.StreamLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps one camera's stream flowing: opens it, feeds each picture to the motion detector and the
 * picture health monitor (frozen, black), and when
 * the stream fails says why (status event plus one log line), then reconnects with capped
 * exponential backoff. Grabbing blocks, so it runs on the camera's own thread; the reconnect timer
 * runs on the shared scheduler.
 */
public final class CameraWorker {

    private static final Logger log = LoggerFactory.getLogger(CameraWorker.class);
    /** How long a frozen or black picture must last before the camera counts as degraded. */
    static final Duration PICTURE_PERSISTENCE = Duration.ofSeconds(3);

    private final String cameraId;
    private final Supplier<FrameSource> sources;
    private final Supplier<MotionDetector> detectors;
    private final MotionEventTracker tracker;
    private final CameraEventSink sink;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService grabThread;
    private final Backoff backoff;
    private volatile boolean stopped;
    private volatile FrameSource current;
    private volatile CameraState state;
    private final StreamLag lag = new StreamLag();

    public CameraWorker(String cameraId, Supplier<FrameSource> sources, Supplier<MotionDetector> detectors,
                        MotionEventTracker tracker, CameraEventSink sink, ScheduledExecutorService scheduler,
                        ExecutorService grabThread, Backoff backoff) {
        this.cameraId = cameraId;
        this.sources = sources;
        this.detectors = detectors;
        this.tracker = tracker;
        this.sink = sink;
        this.scheduler = scheduler;
        this.grabThread = grabThread;
        this.backoff = backoff;
        this.state = new CameraState(cameraId, CameraStatus.UNKNOWN, "not yet connected", Instant.now(), 0, null, 0);
    }

    public void start() {
        grabThread.execute(this::runSession);
    }

    public void stop() {
        stopped = true;
        FrameSource source = current;
        if (source != null) {
            grabThread.execute(source::close); // closing from the grab thread avoids racing a read in progress
        }
        grabThread.shutdown();
    }

    public CameraState state() {
        return state;
    }

    /** Whether this camera's pictures are analysed as fast as the camera sends them. */
    public StreamLag.Snapshot lag() {
        return lag.snapshot();
    }

    private void runSession() {
        if (stopped) {
            return;
        }
        FrameSource source = sources.get();
        current = source;
        boolean gotFrames = false;
        try {
            source.open();
            MotionDetector detector = detectors.get();
            PictureHealthMonitor picture = new PictureHealthMonitor(PICTURE_PERSISTENCE);
            markOnline();
            lag.restart();
            while (!stopped) {
                LumaFrame frame = source.next();
                if (!gotFrames) {
                    gotFrames = true;
                    backoff.reset();
                }
                countFrame(frame.capturedAt());
                picture.observe(frame).ifPresent(change -> pictureChanged(change, frame.capturedAt()));
                MotionSample sample = detector.analyse(frame);
                tracker.update(sample, frame.capturedAt()).ifPresent(t -> sink.accept(t.toEvent(cameraId)));
                lag.observe(frame.streamNanos(), System.nanoTime());
            }
        } catch (StreamException e) {
            if (!stopped) {
                markFailed(e);
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                markFailed(new StreamException(StreamFailure.BAD_STREAM, "unexpected error: " + e, e));
            }
        } finally {
            source.close();
            current = null;
            tracker.interrupt().ifPresent(t -> sink.accept(t.toEvent(cameraId)));
        }
        if (!stopped) {
            Duration delay = backoff.next();
            log.debug("Camera {}: reconnecting in {} ms", cameraId, delay.toMillis());
            scheduler.schedule(() -> {
                if (!stopped) {
                    grabThread.execute(this::runSession);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void countFrame(Instant at) {
        state = state.withFrame(at);
    }

    private void markOnline() {
        CameraState s = state;
        if (s.status() != CameraStatus.ONLINE) {
            Instant now = Instant.now();
            state = s.withStatus(CameraStatus.ONLINE, null, now, false);
            log.info("Camera {}: stream online", cameraId);
            sink.accept(CameraEvent.health(cameraId, CameraStatus.ONLINE, now, null));
        }
    }

    /** A frozen or black picture degrades the camera; a healthy picture makes it online again. */
    private void pictureChanged(PictureHealthMonitor.Change change, Instant at) {
        CameraStatus status = change.problem().isPresent() ? CameraStatus.DEGRADED : CameraStatus.ONLINE;
        String reason = change.problem().map(PictureProblem::explanation).orElse(null);
        state = state.withStatus(status, reason, at, false);
        if (status == CameraStatus.DEGRADED) {
            log.warn("Camera {}: {} ({})", cameraId, status, reason);
        } else {
            log.info("Camera {}: picture healthy again", cameraId);
        }
        sink.accept(CameraEvent.health(cameraId, status, at, reason));
    }

    private void markFailed(StreamException e) {
        CameraState s = state;
        CameraStatus status = e.failure() == StreamFailure.UNAUTHORIZED ? CameraStatus.UNAUTHORIZED : CameraStatus.OFFLINE;
        String reason = e.getMessage();
        boolean changed = s.status() != status || !reason.equals(s.reason());
        Instant now = Instant.now();
        state = s.withStatus(status, reason, changed ? now : s.since(), true);
        if (s.status() != status) {
            log.warn("Camera {}: {} ({})", cameraId, status, reason);
            sink.accept(CameraEvent.health(cameraId, status, now, reason));
        } else {
            log.debug("Camera {}: still {} ({})", cameraId, status, reason);
        }
    }
}
