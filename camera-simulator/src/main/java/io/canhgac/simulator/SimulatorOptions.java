package io.canhgac.simulator;

import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the simulated district is served.
 *
 * @param perCameraAddresses each camera listens on its inventory host (127.0.x.y) at {@code rtspPort}, like a real
 *                           network; otherwise all listen on {@code host} at {@code rtspPort}, {@code rtspPort + 1} …
 * @param host               the loopback address when cameras share one
 * @param rtspPort           the RTSP port (0: free ports, for tests)
 * @param mainStreams        also serve 1280x720 main streams (encoded in the background on first use)
 * @param authenticate       ask for the inventory's credentials (RTSP digest) where the inventory gives them
 * @param sceneCache         where encoded scenes are kept between runs
 * @param scenes             resolves the inventory's scene names
 * @param onvifPort          each camera's ONVIF HTTP port (0: free ports; -1: no ONVIF); needs an account
 * @param discovery          answer WS-Discovery on the loopback interface (needs per-camera addresses for unicast probes)
 * @param cardRecording      which cameras (by id) record onto their own card and offer it over ONVIF Recording
 *                           Search and Replay (with ONVIF); all by default
 */
public record SimulatorOptions(boolean perCameraAddresses, String host, int rtspPort, boolean mainStreams,
                               boolean authenticate, Path sceneCache, Function<String, SceneScript> scenes,
                               int onvifPort, boolean discovery, Predicate<String> cardRecording) {

    /** Every camera records onto its card. */
    public SimulatorOptions(boolean perCameraAddresses, String host, int rtspPort, boolean mainStreams,
                            boolean authenticate, Path sceneCache, Function<String, SceneScript> scenes,
                            int onvifPort, boolean discovery) {
        this(perCameraAddresses, host, rtspPort, mainStreams, authenticate, sceneCache, scenes, onvifPort, discovery,
                cameraId -> true);
    }

    public SimulatorOptions {
        if (!host.startsWith("127.") && !host.equals("::1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("the simulator serves loopback only, not " + host);
        }
        if (rtspPort < 0 || rtspPort > 65000) {
            throw new IllegalArgumentException("rtspPort must be 0..65000, was " + rtspPort);
        }
        if (onvifPort < -1 || onvifPort > 65535) {
            throw new IllegalArgumentException("onvifPort must be -1..65535, was " + onvifPort);
        }
    }

    /** ONVIF's port in the demo: 80 needs root, and 8080 is the district server's. */
    public static final int DEMO_ONVIF_PORT = 8899;

    /** The demo district: every camera on its own address, main and sub streams, passwords, ONVIF and discovery. */
    public static SimulatorOptions demo() {
        return new SimulatorOptions(true, "127.0.0.1", 8554, true, true, SceneEncoder.defaultCacheDir(), SceneCatalog::get,
                DEMO_ONVIF_PORT, true);
    }

    /** For tests: free ports on 127.0.0.1, substreams only, no passwords, no ONVIF. */
    public static SimulatorOptions forTests(Path sceneCache, Function<String, SceneScript> scenes) {
        return new SimulatorOptions(false, "127.0.0.1", 0, false, false, sceneCache, scenes, -1, false);
    }

    public SimulatorOptions withAuthentication(boolean on) {
        return new SimulatorOptions(perCameraAddresses, host, rtspPort, mainStreams, on, sceneCache, scenes, onvifPort, discovery, cardRecording);
    }

    public SimulatorOptions withMainStreams(boolean on) {
        return new SimulatorOptions(perCameraAddresses, host, rtspPort, on, authenticate, sceneCache, scenes, onvifPort, discovery, cardRecording);
    }

    /** ONVIF on free ports (with authentication, which ONVIF needs). */
    public SimulatorOptions withOnvif() {
        return new SimulatorOptions(perCameraAddresses, host, rtspPort, mainStreams, true, sceneCache, scenes, 0, discovery, cardRecording);
    }

    /** Only the cameras {@code which} accepts record onto their card (and offer Recording Search and Replay). */
    public SimulatorOptions withCardRecording(Predicate<String> which) {
        return new SimulatorOptions(perCameraAddresses, host, rtspPort, mainStreams, authenticate, sceneCache, scenes, onvifPort,
                discovery, which);
    }

    public SimulatorOptions withPorts(int rtsp, int onvif) {
        return new SimulatorOptions(perCameraAddresses, host, rtsp, mainStreams, authenticate, sceneCache, scenes, onvif, discovery, cardRecording);
    }
}
