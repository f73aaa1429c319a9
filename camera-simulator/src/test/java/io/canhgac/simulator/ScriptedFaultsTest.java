package io.canhgac.simulator;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.scene.SceneEffect;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A scene's scripted outage and reboot happen on the camera's own clock, loop after loop. */
class ScriptedFaultsTest {

    @Test
    void outageStallsTheStreamAndRebootClosesThePortAtTheScriptedTimes() throws Exception {
        SceneScript scene = new SceneScript("scripted", 160, 96, 5, 6, 1.0, 9, List.of(),
                List.of(new SceneEffect.StreamOutage(1, 2), new SceneEffect.CameraReboot(3, 1.5)));
        DistrictInventory inventory = new DistrictInventory("t", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")),
                List.of(CameraSpec.simulated("CAM", "cam", "c", "scripted", 0)));
        try (CameraSimulator simulator = CameraSimulator.start(inventory,
                SimulatorOptions.forTests(Path.of("target/scene-cache"), n -> scene))) {
            SimulatedCamera camera = simulator.camera("CAM");
            Instant origin = camera.subStream().sceneOrigin();
            Instant loop = origin.plusSeconds(6 * (1 + Duration.between(origin, Instant.now()).toSeconds() / 6));

            waitUntil(loop.plusMillis(1500));
            assertThat(camera.faults().stalled()).as("inside the outage").isTrue();
            assertThat(camera.faults().poweredOn()).isTrue();
            waitUntil(loop.plusMillis(2500));
            assertThat(camera.faults().stalled()).as("after the outage").isFalse();
            waitUntil(loop.plusMillis(3700));
            assertThat(camera.faults().poweredOn()).as("rebooting").isFalse();
            waitUntil(loop.plusMillis(4800));
            assertThat(camera.faults().poweredOn()).as("back after the reboot").isTrue();
        }
    }

    private static void waitUntil(Instant t) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> !Instant.now().isBefore(t));
    }
}
