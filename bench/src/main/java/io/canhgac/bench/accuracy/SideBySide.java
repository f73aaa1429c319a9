package io.canhgac.bench.accuracy;

import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.motion.MotionSettings;
import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.simulator.scene.SceneManifest;

import java.util.List;

/**
 * The detector as it is and as it was (no ghost ending: {@code stillFrames 0}) on the very same
 * frames, in one run: each frame goes to both, in turns first, so that neither is favoured by the
 * picture being in the cache. Their CPU per frame is compared from this.
 */
final class SideBySide {

    /** One detector's result on one scene. */
    record Outcome(EventScore events, TimeScore time, double microsPerFrame) {
    }

    static final MotionSettings NOW = GatewaySettings.DEFAULTS.motion();
    static final MotionSettings BEFORE = NOW.withStillFrames(0);

    private final SceneRun now;
    private final SceneRun before;
    private final int fps;

    SideBySide(int fps, CameraMotionSettings camera) {
        this.fps = fps;
        this.now = new SceneRun(fps, NOW, camera);
        this.before = new SceneRun(fps, BEFORE, camera);
    }

    void accept(int index, LumaFrame frame) {
        if (index % 2 == 0) {
            now.accept(index, frame);
            before.accept(index, frame);
        } else {
            before.accept(index, frame);
            now.accept(index, frame);
        }
    }

    /** @return this detector's outcome first, the former one's second */
    List<Outcome> finish(int frames, List<SceneManifest.Interval> truth) {
        return List.of(outcome(now, frames, truth), outcome(before, frames, truth));
    }

    private Outcome outcome(SceneRun run, int frames, List<SceneManifest.Interval> truth) {
        return score(truth, fps, frames, run.finish(frames - 1), run.microsPerFrame());
    }

    /** Events in frames scored against the truth: as events (found, false, onset) and in time. */
    static Outcome score(List<SceneManifest.Interval> truth, int fps, int frames, List<SceneRun.DetectedEvent> events, double micros) {
        List<EventScore.Seen> seen = events.stream()
                .map(e -> new EventScore.Seen((double) e.startFrame() / fps, (double) e.emittedFrame() / fps, (double) e.endFrame() / fps))
                .toList();
        return new Outcome(EventScore.score(truth, fps, seen), TimeScore.score(truth, fps, frames, events), micros);
    }
}
