package io.canhgac.simulator.scene;

import java.util.List;

/**
 * What a simulated camera shows: a static, slightly noisy background and scripted objects. The scene
 * loops; its motion intervals are the ground truth that tests and benchmarks read.
 *
 * @param noiseSigma standard deviation of per-pixel temporal noise, in luma levels
 */
public record SceneScript(String name, int width, int height, int fps, int durationSeconds,
                          double noiseSigma, long seed, List<MovingObject> objects) {

    public SceneScript {
        objects = List.copyOf(objects);
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

    public int frameCount() {
        return fps * durationSeconds;
    }

    /** Ground truth: the scene-time intervals in which something moves. */
    public List<MotionInterval> motionIntervals() {
        return objects.stream().map(o -> new MotionInterval(o.kind(), o.startSeconds(), o.endSeconds())).toList();
    }

    public record MotionInterval(String kind, double startSeconds, double endSeconds) {
    }
}
