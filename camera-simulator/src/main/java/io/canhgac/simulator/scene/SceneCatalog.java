package io.canhgac.simulator.scene;

import io.canhgac.simulator.scene.SceneEffect.BrightnessStep;
import io.canhgac.simulator.scene.SceneEffect.CameraReboot;
import io.canhgac.simulator.scene.SceneEffect.Foliage;
import io.canhgac.simulator.scene.SceneEffect.FrozenPicture;
import io.canhgac.simulator.scene.SceneEffect.IrSwitch;
import io.canhgac.simulator.scene.SceneEffect.LensCovered;
import io.canhgac.simulator.scene.SceneEffect.Rain;
import io.canhgac.simulator.scene.SceneEffect.StreamOutage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named scenes an inventory can give its cameras. Substreams are 640x360 at 10 fps (main
 * streams twice the size), looping every 60 s; each scene's manifest is its ground truth.
 */
public final class SceneCatalog {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FPS = 10;
    public static final int LOOP_SECONDS = 60;
    /** Main streams are this many times the substream's size: 1280x720. */
    public static final int MAIN_SCALE = 2;
    private static final double NOISE = 2.0;

    private static final Map<String, SceneScript> SCENES = new LinkedHashMap<>();

    static {
        add("idle", List.of(), List.of());
        add("crossing-car", List.of(MovingObject.car(20, 30, 230)), List.of());
        add("crossing-person", List.of(MovingObject.person(20, 30, 250)), List.of());
        add("lighting-step", List.of(), List.of(new BrightnessStep(20, 40, 40)));
        add("ir-switch", List.of(), List.of(new IrSwitch(20, 45)));
        add("rain", List.of(), List.of(new Rain(10, 50, 150)));
        add("foliage-person", List.of(MovingObject.person(35, 45, 250)), List.of(new Foliage(440, 130, 160, 90, 6, 2.5)));
        add("lens-covered", List.of(), List.of(new LensCovered(20, 40)));
        add("frozen", List.of(), List.of(new FrozenPicture(20, 40)));
        add("outage", List.of(MovingObject.car(5, 12, 230)), List.of(new StreamOutage(20, 30)));
        add("reboot", List.of(MovingObject.person(5, 12, 250)), List.of(new CameraReboot(30, 15)));
    }

    private SceneCatalog() {
    }

    public static SceneScript get(String name) {
        SceneScript script = SCENES.get(name);
        if (script == null) {
            throw new IllegalArgumentException("unknown scene '" + name + "'; known: " + SCENES.keySet());
        }
        return script;
    }

    public static Set<String> names() {
        return SCENES.keySet();
    }

    private static void add(String name, List<MovingObject> objects, List<SceneEffect> effects) {
        long seed = SCENES.size() + 1;
        SCENES.put(name, new SceneScript(name, WIDTH, HEIGHT, FPS, LOOP_SECONDS, NOISE, seed, objects, effects));
    }
}
