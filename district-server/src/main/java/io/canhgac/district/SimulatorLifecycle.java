package io.canhgac.district;

import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.control.FaultControlServer;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;

/** Runs the simulated cameras for as long as the server runs; the gateway pulls their streams. */
final class SimulatorLifecycle implements DisposableBean {

    private final CameraSimulator simulator;
    private final FaultControlServer control;

    SimulatorLifecycle(DistrictInventory inventory, DistrictProperties.Simulator settings,
                       Function<String, SceneScript> scenes) throws IOException, InterruptedException {
        Path cache = settings.sceneCache().isBlank() ? SceneEncoder.defaultCacheDir() : Path.of(settings.sceneCache());
        this.simulator = CameraSimulator.start(inventory, new SimulatorOptions(settings.perCameraAddresses(), settings.host(),
                settings.rtspPort(), settings.mainStreams(), settings.authenticate(), cache, scenes,
                settings.onvifPort(), settings.discovery()));
        this.control = settings.controlPort() < 0 ? null
                : FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", settings.controlPort()));
    }

    CameraSimulator simulator() {
        return simulator;
    }

    @Override
    public void destroy() {
        if (control != null) {
            control.close();
        }
        simulator.close();
    }
}
