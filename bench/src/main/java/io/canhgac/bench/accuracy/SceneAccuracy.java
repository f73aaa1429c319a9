package io.canhgac.bench.accuracy;

import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneManifest;
import io.canhgac.simulator.scene.SceneScript;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part (a) of the accuracy benchmark: every simulator scene, as the cameras serve it (the cached
 * H.264 encoding, decoded), through our detector and tracker; scored against its manifest.
 */
final class SceneAccuracy {

    /** How a scene counts: motion to find, or only things that must not raise motion. */
    enum Kind { MOTION, LIGHTING, NOISE, HEALTH }

    /** @param now this detector's outcome; @param before the former detector's (no ghost ending), on the same frames */
    record Result(String scene, Kind kind, SideBySide.Outcome now, SideBySide.Outcome before) {
        EventScore score() {
            return now.events();
        }
    }

    private SceneAccuracy() {
    }

    static Kind kindOf(SceneManifest m) {
        if (!m.motion().isEmpty()) {
            return Kind.MOTION;
        }
        if (!m.lighting().isEmpty()) {
            return Kind.LIGHTING;
        }
        if (!m.tamper().isEmpty() || !m.frozen().isEmpty()) {
            return Kind.HEALTH;
        }
        return Kind.NOISE;
    }

    static List<Result> run() throws Exception {
        SceneEncoder encoder = new SceneEncoder(SceneEncoder.defaultCacheDir());
        List<Result> results = new ArrayList<>();
        List<SceneScript> scripts = new ArrayList<>(SceneCatalog.names().stream().map(SceneCatalog::get).toList());
        scripts.addAll(VariedScenes.all());
        run(encoder, scripts.get(0)); // once unscored, so both detectors are compiled before their CPU is counted
        for (SceneScript script : scripts) {
            results.add(run(encoder, script));
        }
        return results;
    }

    private static Result run(SceneEncoder encoder, SceneScript script) throws Exception {
        SceneManifest manifest = script.manifest();
        Path file = annexB(encoder.load(script));
        try {
            SideBySide run = new SideBySide(script.fps(), SceneRun.cameraSettings(manifest));
            int frames = VideoFile.decode(file, "h264", Instant.parse("2026-11-22T00:00:00Z"), script.fps(), run::accept);
            List<SideBySide.Outcome> o = run.finish(frames, manifest.motion());
            return new Result(script.name(), kindOf(manifest), o.get(0), o.get(1));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Map<Kind, EventScore> totals(List<Result> results) {
        Map<Kind, EventScore> totals = new LinkedHashMap<>();
        for (Result r : results) {
            totals.merge(r.kind(), r.score(), EventScore::plus);
        }
        return totals;
    }

    private static Path annexB(EncodedScene scene) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] startCode = {0, 0, 0, 1};
        for (byte[] parameterSet : List.of(scene.sps(), scene.pps())) { // harmless if the first unit repeats them
            out.write(startCode);
            out.write(parameterSet);
        }
        for (AccessUnit unit : scene.units()) {
            for (byte[] nal : unit.nals()) {
                out.write(startCode);
                out.write(nal);
            }
        }
        Path file = Files.createTempFile("bench-scene-" + scene.script().name() + "-", ".h264");
        Files.write(file, out.toByteArray());
        return file;
    }
}
