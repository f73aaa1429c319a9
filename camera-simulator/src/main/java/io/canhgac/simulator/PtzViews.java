package io.canhgac.simulator;

import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneEffect;
import io.canhgac.simulator.scene.SceneScript;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What PTZ cameras show away from home: short static views of the landscape, panned in steps of a
 * quarter of ONVIF's pan range (an eighth of a picture width). The live scene plays at home (step 0).
 */
final class PtzViews {

    static final int STEPS_PER_UNIT = 4;

    private final Map<Integer, EncodedScene> sub = new ConcurrentHashMap<>();
    private final Map<Integer, EncodedScene> main = new ConcurrentHashMap<>();

    /** The view step nearest to an ONVIF pan position. */
    static int step(double pan) {
        return (int) Math.round(Math.max(-1, Math.min(1, pan)) * STEPS_PER_UNIT);
    }

    /** One second of the landscape panned to {@code step}, at the size of {@code like}. */
    static SceneScript script(SceneScript like, int step) {
        return new SceneScript("ptz-view" + step, like.width(), like.height(), like.fps(), 1, like.noiseSigma(), 50 + step,
                List.of(), List.of(new SceneEffect.PtzView((double) step / STEPS_PER_UNIT)));
    }

    static List<Integer> steps() {
        return java.util.stream.IntStream.rangeClosed(-STEPS_PER_UNIT, STEPS_PER_UNIT).filter(s -> s != 0).boxed().toList();
    }

    void put(boolean mainStream, int step, EncodedScene view) {
        (mainStream ? main : sub).put(step, view);
    }

    /** The view for a step, or null at home (or while the main views are still being encoded). */
    EncodedScene view(boolean mainStream, int step) {
        return step == 0 ? null : (mainStream ? main : sub).get(step);
    }
}
