package io.canhgac.bench.accuracy;

import io.canhgac.contract.EventType;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.MotionSample;
import io.canhgac.gateway.motion.MotionSettings;
import io.canhgac.gateway.motion.Polygon;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;
import io.canhgac.simulator.scene.SceneManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * One scene's events from our detector and tracker, frame by frame, with the gateway's default
 * settings. Regions the manifest calls distractors (swaying foliage) are masked, as an installer would.
 */
public final class SceneRun {

    /**
     * A detected event in frame numbers: dated start, the frame at which its start was emitted, dated
     * end (its last moving frame), and the frame at which its end was emitted.
     */
    record DetectedEvent(int startFrame, int emittedFrame, int endFrame, int endEmittedFrame) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final int fps;
    private final MotionDetector detector;
    private final MotionEventTracker tracker;
    private final List<DetectedEvent> events = new ArrayList<>();
    private int openStart = -1;
    private int openEmitted = -1;
    private long detectorNanos;
    private int frames;

    /** The gateway's tracker settings with the given detector settings (the old and the new detector, side by side). */
    SceneRun(int fps, MotionSettings motion, CameraMotionSettings camera) {
        this.fps = fps;
        GatewaySettings g = GatewaySettings.DEFAULTS;
        this.detector = new RunningAverageMotionDetector(motion, camera);
        this.tracker = new MotionEventTracker(g.motionStartFrames(), g.motionEndFrames());
    }

    /** The masks an installer would draw: over the manifest's regional distractors (swaying foliage). */
    public static CameraMotionSettings cameraSettings(SceneManifest m) {
        List<Polygon> masks = m.distractors().stream().filter(d -> d.region() != null).map(d -> {
            int[] r = d.region();
            return Polygon.rectangle((double) r[0] / m.width(), (double) r[1] / m.height(),
                    (double) r[2] / m.width(), (double) r[3] / m.height());
        }).toList();
        return CameraMotionSettings.DEFAULTS.withMasks(masks);
    }

    void accept(int index, io.canhgac.gateway.video.LumaFrame frame) {
        long t0 = THREADS.getCurrentThreadCpuTime(); // CPU, not wall time: the machine is shared
        MotionSample sample = detector.analyse(frame);
        detectorNanos += THREADS.getCurrentThreadCpuTime() - t0;
        frames++;
        tracker.update(sample, frame.capturedAt()).ifPresent(t -> {
            int dated = frameOf(t.at(), frame, index);
            if (t.type() == EventType.MOTION_START) {
                openStart = dated;
                openEmitted = index;
            } else {
                events.add(new DetectedEvent(openStart, openEmitted, dated, index));
                openStart = -1;
            }
        });
    }

    /** Ends the run: an event still open ends at the last frame. */
    List<DetectedEvent> finish(int lastFrame) {
        if (openStart >= 0) {
            events.add(new DetectedEvent(openStart, openEmitted, lastFrame, lastFrame));
            openStart = -1;
        }
        return List.copyOf(events);
    }

    double microsPerFrame() {
        return frames == 0 ? 0 : detectorNanos / 1000.0 / frames;
    }

    private int frameOf(java.time.Instant at, io.canhgac.gateway.video.LumaFrame now, int nowIndex) {
        long nanos = java.time.Duration.between(at, now.capturedAt()).toNanos();
        return nowIndex - (int) Math.round(nanos * fps / 1e9);
    }
}
