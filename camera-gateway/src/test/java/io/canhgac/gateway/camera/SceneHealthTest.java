package io.canhgac.gateway.camera;

import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneRenderer;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's scenes, rendered (15 s to 45 s of scene time, which holds every scripted effect), through the
 * picture health monitor: each raises exactly the problem its manifest scripts, and none is taken for defocus.
 */
class SceneHealthTest {

    @ParameterizedTest
    @CsvSource({"ir-switch,", "rain,", "lens-covered,COVERED", "frozen,FROZEN"})
    void eachSceneRaisesOnlyItsScriptedProblem(String scene, PictureProblem expected) {
        SceneScript script = SceneCatalog.get(scene);
        SceneRenderer renderer = new SceneRenderer(script);
        PictureHealthMonitor monitor = new PictureHealthMonitor(Duration.ofSeconds(3));
        byte[] luma = new byte[script.width() * script.height()];
        Instant t0 = Instant.parse("2026-11-22T00:00:00Z");
        List<PictureProblem> raised = new ArrayList<>();
        for (int i = 15 * script.fps(); i < 45 * script.fps(); i++) {
            renderer.render(i, luma);
            LumaFrame frame = new LumaFrame(ByteBuffer.wrap(luma), script.width(), script.height(), script.width(), t0.plusMillis(100L * i));
            monitor.observe(frame).flatMap(PictureHealthMonitor.Change::problem).ifPresent(raised::add);
        }
        assertThat(raised).isEqualTo(Optional.ofNullable(expected).map(List::of).orElse(List.of()));
    }
}
