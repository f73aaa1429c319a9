package io.canhgac.simulator.scene;

import java.util.List;
import java.util.Map;

/** The named scenes an inventory can give its cameras. All are 640x360 at 10 fps, looping every 60 s. */
public final class SceneCatalog {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FPS = 10;
    public static final int LOOP_SECONDS = 60;
    private static final double NOISE = 2.0;

    private static final Map<String, SceneScript> SCENES = Map.of(
            "idle", scene("idle", 1, List.of()),
            "crossing-car", scene("crossing-car", 2, List.of(MovingObject.car(20, 30, 230))),
            "crossing-person", scene("crossing-person", 3, List.of(MovingObject.person(20, 30, 250))));

    private SceneCatalog() {
    }

    public static SceneScript get(String name) {
        SceneScript script = SCENES.get(name);
        if (script == null) {
            throw new IllegalArgumentException("unknown scene '" + name + "'; known: " + SCENES.keySet());
        }
        return script;
    }

    private static SceneScript scene(String name, long seed, List<MovingObject> objects) {
        return new SceneScript(name, WIDTH, HEIGHT, FPS, LOOP_SECONDS, NOISE, seed, objects);
    }
}
