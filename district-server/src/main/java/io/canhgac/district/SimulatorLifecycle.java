package io.canhgac.district;

import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.control.FaultControlServer;
import io.canhgac.simulator.link.LinkRelays;
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

    /** @param relays the commune links, controlled on the fault control's {@code /links} routes */
    SimulatorLifecycle(DistrictInventory inventory, DistrictProperties.Simulator settings, LinkRelays relays,
                       Function<String, SceneScript> scenes) throws IOException, InterruptedException {
        Path cache = settings.sceneCache().isBlank() ? SceneEncoder.defaultCacheDir() : Path.of(settings.sceneCache());
        this.simulator = CameraSimulator.start(inventory, new SimulatorOptions(settings.perCameraAddresses(), settings.host(),
                settings.rtspPort(), settings.mainStreams(), settings.authenticate(), cache, scenes,
                settings.onvifPort(), settings.discovery()));
        this.control = settings.controlPort() < 0 ? null
                : FaultControlServer.start(simulator, relays, new InetSocketAddress("127.0.0.1", settings.controlPort()));
    }

    /** Where the fault control listens; empty when it is off. */
    java.util.Optional<InetSocketAddress> controlAddress() {
        return control == null ? java.util.Optional.empty() : java.util.Optional.of(control.address());
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
