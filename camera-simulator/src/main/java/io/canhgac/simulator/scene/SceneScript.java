package io.canhgac.simulator.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated camera shows: a static, slightly noisy background, scripted objects and
 * effects. The scene loops; its manifest (motion intervals and everything else on the timeline)
 * is the ground truth that tests and benchmarks read. Sizes are those of the substream; the main
 * stream is the same script {@link #scaled(int) scaled up}.
 *
 * @param noiseSigma standard deviation of per-pixel temporal noise, in luma levels
 */
public record SceneScript(String name, int width, int height, int fps, int durationSeconds,
                          double noiseSigma, long seed, List<MovingObject> objects, List<SceneEffect> effects) {

    public SceneScript {
        objects = List.copyOf(objects);
        effects = List.copyOf(effects);
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("scene size must be positive and even: " + width + "x" + height);
        }
        if (fps < 1 || fps > 60 || durationSeconds < 1) {
            throw new IllegalArgumentException("bad fps or duration: " + fps + " fps, " + durationSeconds + " s");
        }
        for (MovingObject o : objects) {
            if (o.endSeconds() > durationSeconds || o.top() + o.height() > height || o.width() > width) {
                throw new IllegalArgumentException("object " + o + " does not fit scene " + name);
            }
        }
    }

    public SceneScript(String name, int width, int height, int fps, int durationSeconds,
                       double noiseSigma, long seed, List<MovingObject> objects) {
        this(name, width, height, fps, durationSeconds, noiseSigma, seed, objects, List.of());
    }

    public int frameCount() {
        return fps * durationSeconds;
    }

    /** Ground truth: the scene-time intervals in which something moves. */
    public List<MotionInterval> motionIntervals() {
        return objects.stream().map(o -> new MotionInterval(o.kind(), o.startSeconds(), o.endSeconds())).toList();
    }

    public SceneManifest manifest() {
        return SceneManifest.of(this);
    }

    /** The same scene at {@code factor} times the size (the main stream of a camera whose substream this is). */
    public SceneScript scaled(int factor) {
        if (factor == 1) {
            return this;
        }
        List<MovingObject> bigger = objects.stream().map(o -> new MovingObject(o.kind(), o.startSeconds(), o.endSeconds(),
                o.width() * factor, o.height() * factor, o.top() * factor, o.luma())).toList();
        List<SceneEffect> scaledEffects = new ArrayList<>();
        for (SceneEffect e : effects) {
            if (e instanceof SceneEffect.Foliage f) {
                scaledEffects.add(new SceneEffect.Foliage(f.left() * factor, f.top() * factor, f.width() * factor,
                        f.height() * factor, f.amplitude() * factor, f.periodSeconds()));
            } else if (e instanceof SceneEffect.Rain r) {
                scaledEffects.add(new SceneEffect.Rain(r.start(), r.end(), r.streaksPerFrame() * factor * factor));
            } else {
                scaledEffects.add(e);
            }
        }
        return new SceneScript(name, width * factor, height * factor, fps, durationSeconds, noiseSigma, seed, bigger, scaledEffects);
    }

    public record MotionInterval(String kind, double startSeconds, double endSeconds) {
    }
}
