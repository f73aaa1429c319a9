package io.canhgac.bench.accuracy;

import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneEffect;
import io.canhgac.simulator.scene.SceneScript;

import java.util.ArrayList;
import java.util.List;

/**
 * More ground truth than the demo catalog's five crossings: scenes built for the benchmark with
 * the simulator's own renderer and encoder, each with six crossings of different size, height,
 * speed and contrast (down to about 20 luma levels over the hillside), by day, in rain, at night
 * in infrared, and between brightness steps.
 */
final class VariedScenes {

    private VariedScenes() {
    }

    static List<SceneScript> all() {
        return List.of(
                scene("varied-day", List.of()),
                scene("varied-rain", List.of(new SceneEffect.Rain(0, 60, 150))),
                scene("varied-night-ir", List.of(new SceneEffect.IrSwitch(0, 60))),
                scene("varied-lighting", List.of(new SceneEffect.BrightnessStep(7.5, 60, 25),
                        new SceneEffect.BrightnessStep(26.5, 60, -45), new SceneEffect.BrightnessStep(45.5, 60, 30))));
    }

    private static SceneScript scene(String name, List<SceneEffect> effects) {
        List<MovingObject> objects = new ArrayList<>();
        // start, end, width, height, top, luma: cars on the road, people on the road and the hillside
        objects.add(new MovingObject("car", 2, 7, 80, 40, 230, 40));
        objects.add(new MovingObject("person", 9, 19, 20, 48, 250, 220));
        objects.add(new MovingObject("person", 21, 26, 16, 40, 150, 135)); // faint, on the hillside
        objects.add(new MovingObject("car", 28, 31, 96, 44, 280, 180));     // fast
        objects.add(new MovingObject("person", 33, 44, 14, 36, 190, 70));  // small and dark, slow
        objects.add(new MovingObject("car", 47, 57, 70, 34, 215, 90));      // grey car on the grey road
        return new SceneScript(name, SceneCatalog.WIDTH, SceneCatalog.HEIGHT, SceneCatalog.FPS, SceneCatalog.LOOP_SECONDS,
                2.0, 1000 + name.length(), objects, effects);
    }
}
