package io.canhgac.simulator;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** A district of virtual cameras on loopback: every camera of an inventory, each on its own RTSP port. */
public final class CameraSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraSimulator.class);

    private final Map<String, SimulatedCamera> cameras = new LinkedHashMap<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("simulator"));

    private CameraSimulator() {
    }

    /**
     * Starts one camera per inventory entry.
     *
     * @param host     loopback address to bind, e.g. 127.0.0.1
     * @param basePort first RTSP port (camera i gets basePort + i), or 0 for ephemeral ports
     */
    public static CameraSimulator start(DistrictInventory inventory, String host, int basePort, Path sceneCache)
            throws IOException, InterruptedException {
        return start(inventory, host, basePort, sceneCache, SceneCatalog::get);
    }

    /** As {@link #start(DistrictInventory, String, int, Path)}, with the scenes looked up by {@code scenes}. */
    public static CameraSimulator start(DistrictInventory inventory, String host, int basePort, Path sceneCache,
                                        Function<String, SceneScript> scenes) throws IOException, InterruptedException {
        CameraSimulator simulator = new CameraSimulator();
        try {
            SceneEncoder encoder = new SceneEncoder(sceneCache);
            Map<String, EncodedScene> encoded = new HashMap<>();
            List<CameraSpec> specs = inventory.cameras();
            for (int i = 0; i < specs.size(); i++) {
                CameraSpec spec = specs.get(i);
                EncodedScene scene = encoded.get(spec.scene());
                if (scene == null) {
                    scene = encoder.load(scenes.apply(spec.scene()));
                    encoded.put(spec.scene(), scene);
                }
                int port = basePort == 0 ? 0 : basePort + i;
                SimulatedCamera camera = new SimulatedCamera(spec.id(), spec.name(),
                        new StreamBroadcaster(scene, spec.phaseSeconds()), simulator.group,
                        new InetSocketAddress(host, port));
                camera.start();
                simulator.cameras.put(spec.id(), camera);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        log.info("Camera simulator serving {} cameras", simulator.cameras.size());
        return simulator;
    }

    public SimulatedCamera camera(String id) {
        SimulatedCamera camera = cameras.get(id);
        if (camera == null) {
            throw new NoSuchElementException("no simulated camera '" + id + "'");
        }
        return camera;
    }

    public List<SimulatedCamera> cameras() {
        return Collections.unmodifiableList(new ArrayList<>(cameras.values()));
    }

    /** Camera id to RTSP URL, for a gateway to pull. */
    public Map<String, String> rtspUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        cameras.forEach((id, camera) -> urls.put(id, camera.rtspUrl()));
        return urls;
    }

    @Override
    public void close() {
        cameras.values().forEach(SimulatedCamera::stop);
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

}
