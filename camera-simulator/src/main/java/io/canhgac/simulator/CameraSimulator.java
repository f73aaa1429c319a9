package io.canhgac.simulator;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.rtsp.SceneClock;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneEffect;
import io.canhgac.simulator.onvif.DeviceIdentity;
import io.canhgac.simulator.rtsp.CameraStorage;
import io.canhgac.simulator.onvif.Firmware;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneRenderer;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A district of virtual cameras on loopback: every camera of an inventory with its own RTSP
 * endpoint. Substreams are ready when {@link #start} returns; main streams are encoded in the
 * background on first use and answer 503 until then.
 */
public final class CameraSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraSimulator.class);
    private static final ThreadLocal<Boolean> CONTROL = ThreadLocal.withInitial(() -> false);
    /** What a covered lens shows: two seconds of black. */
    private static final String COVERED = "covered";

    private final Map<String, SimulatedCamera> cameras = new LinkedHashMap<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("simulator"));
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(() -> {
            CONTROL.set(true);
            r.run();
        }, "simulator-control");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newSingleThreadExecutor(new DefaultThreadFactory("simulator-encoder", true));
    private final Map<String, EncodedScene> encoded = new ConcurrentHashMap<>();
    private final Map<String, SceneRenderer> renderers = new ConcurrentHashMap<>();
    /** What simulated cameras report as their firmware. */
    static final String FIRMWARE = "5.7.3 build 221122";
    private SceneEncoder encoder;
    private final PtzViews ptzViews = new PtzViews();

    private CameraSimulator() {
    }

    static boolean isControlThread() {
        return CONTROL.get();
    }

    public static CameraSimulator start(DistrictInventory inventory, SimulatorOptions options)
            throws IOException, InterruptedException {
        CameraSimulator simulator = new CameraSimulator();
        try {
            simulator.startCameras(inventory, options);
        } catch (IOException | InterruptedException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private void startCameras(DistrictInventory inventory, SimulatorOptions options) throws IOException, InterruptedException {
        encoder = new SceneEncoder(options.sceneCache());
        List<SceneScript> scripts = inventory.cameras().stream().map(c -> options.scenes().apply(c.scene())).distinct().toList();
        encodeAll(scripts, 1);
        boolean anyPtz = options.onvifPort() >= 0 && inventory.cameras().stream().anyMatch(CameraSpec::ptz);
        if (anyPtz) {
            encodeViews(scripts.get(0), false);
        }
        List<CameraSpec> specs = inventory.cameras();
        for (int i = 0; i < specs.size(); i++) {
            CameraSpec spec = specs.get(i);
            SceneScript script = options.scenes().apply(spec.scene());
            EncodedScene sub = encoded.get(key(script, 1));
            SceneClock clock = SceneClock.startingNow(script.fps(), spec.phaseSeconds(), script.durationSeconds());
            SimulatedCamera camera = new SimulatedCamera(spec.id(), spec.name(), clock,
                    new StreamBroadcaster(sub, covered(script, 1), clock), account(spec, options), group, control,
                    address(spec, i, options), options.cardRecording().test(spec.id()) ? CameraStorage.lastDay() : null);
            if (options.onvifPort() >= 0 && camera.credentials() != null) {
                camera.attachOnvif(onvif(spec, inventory, camera, options));
                if (spec.ptz()) {
                    camera.attachPtzViews(ptzViews);
                }
            }
            camera.start();
            cameras.put(spec.id(), camera);
        }
        log.info("Camera simulator serving {} cameras", cameras.size());
        if (options.mainStreams()) {
            background.execute(() -> {
                attachMainStreams(inventory, options, scripts);
                if (anyPtz) {
                    encodeViewsQuietly(scripts.get(0).scaled(SceneCatalog.MAIN_SCALE));
                }
            });
        }
    }

    /** Encodes (or loads from cache) every scene at one scale, on all cores, saying how far it got. */
    private void encodeAll(List<SceneScript> scripts, int scale) throws IOException, InterruptedException {
        List<SceneScript> todo = new ArrayList<>();
        for (SceneScript s : scripts) {
            todo.add(s.scaled(scale));
        }
        todo.add(coveredScript(scripts.get(0)).scaled(scale));
        int threads = scale == 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads, new DefaultThreadFactory("scene-encoder", true));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (SceneScript s : todo) {
                jobs.add(pool.submit(() -> {
                    encoded.put(s.name() + "@" + s.width(), encoder.load(s));
                    log.info("Scenes at {}x{}: {}/{} ready ({})", s.width(), s.height(), done.incrementAndGet(), todo.size(), s.name());
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("scene encoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void attachMainStreams(DistrictInventory inventory, SimulatorOptions options, List<SceneScript> scripts) {
        try {
            encodeAll(scripts, SceneCatalog.MAIN_SCALE);
            for (CameraSpec spec : inventory.cameras()) {
                SceneScript script = options.scenes().apply(spec.scene());
                SimulatedCamera camera = cameras.get(spec.id());
                EncodedScene main = encoded.get(key(script, SceneCatalog.MAIN_SCALE));
                camera.attachMain(new StreamBroadcaster(main, covered(script, SceneCatalog.MAIN_SCALE), camera.clock()));
            }
            log.info("Main streams ready on {} cameras", cameras.size());
        } catch (IOException e) {
            log.error("Main streams unavailable: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The PTZ views at the size of {@code like}: a second each, cheap to encode. */
    private void encodeViews(SceneScript like, boolean mainStream) throws IOException {
        for (int step : PtzViews.steps()) {
            ptzViews.put(mainStream, step, encoder.load(PtzViews.script(like, step)));
        }
    }

    private void encodeViewsQuietly(SceneScript like) {
        try {
            encodeViews(like, true);
        } catch (IOException e) {
            log.warn("PTZ views of the main streams unavailable: {}", e.getMessage());
        }
    }

    private CameraOnvif onvif(CameraSpec spec, DistrictInventory inventory, SimulatedCamera camera, SimulatorOptions options) {
        SceneScript script = options.scenes().apply(spec.scene());
        SceneRenderer renderer = renderers.computeIfAbsent(script.name(), n -> new SceneRenderer(script));
        String location = "vn/quang-nam/" + slug(inventory.district()) + "/" + spec.commune();
        DeviceIdentity identity = new DeviceIdentity(
                spec.manufacturer() == null ? "Canh Gac" : spec.manufacturer(),
                spec.model() == null ? "Simulated camera" : spec.model(),
                FIRMWARE, "NS" + spec.id().replace("-", ""), spec.model() == null ? "SIM" : spec.model(), spec.name(), location);
        InetSocketAddress rtspAt = camera.rtspAddress();
        InetSocketAddress onvifAt = new InetSocketAddress(rtspAt.getHostString(), options.onvifPort());
        return new CameraOnvif(spec.id(), identity, spec.ptz(), firmware(spec.model()), camera::credentials, group, onvifAt,
                options.discovery() && options.perCameraAddresses(),
                () -> "rtsp://" + rtspAt.getHostString() + ":" + camera.rtspAddress().getPort(),
                () -> SceneSnapshot.jpeg(renderer, camera.currentSceneFrame(),
                        camera.faults().picture() == StreamBroadcaster.Picture.COVERED),
                camera.storage().map(card -> CameraOnvif.card(card, camera::recordedStreams,
                        () -> "rtsp://" + rtspAt.getHostString() + ":" + camera.rtspAddress().getPort())).orElse(null));
    }

    /**
     * The firmware each model of the district runs, so the gateway meets what technicians meet:
     * the KBVision bullets (an OEM build on old gSOAP) answer SOAP 1.1, the Dahua eyeballs (a Profile T build)
     * speak Media2 only; every other model has a current firmware.
     */
    static Firmware firmware(String model) {
        if ("KX-C2012S5".equals(model)) {
            return Firmware.SOAP11;
        }
        if ("IPC-HDW1230T1-S5".equals(model)) {
            return Firmware.MEDIA2_ONLY;
        }
        return Firmware.STANDARD;
    }

    private static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        return ascii.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private EncodedScene covered(SceneScript like, int scale) {
        return encoded.get(COVERED + "@" + like.width() * scale);
    }

    private static SceneScript coveredScript(SceneScript like) {
        return new SceneScript(COVERED, like.width(), like.height(), like.fps(), 2, 1.0, 99, List.of(),
                List.of(new SceneEffect.LensCovered(0, 2)));
    }

    private static String key(SceneScript script, int scale) {
        return script.name() + "@" + script.width() * scale;
    }

    private static CameraCredentials account(CameraSpec spec, SimulatorOptions options) {
        if (!options.authenticate() || spec.username() == null || spec.password() == null) {
            return null;
        }
        return new CameraCredentials(spec.username(), spec.password());
    }

    private static InetSocketAddress address(CameraSpec spec, int index, SimulatorOptions options) {
        if (options.perCameraAddresses()) {
            if (spec.host() == null || !spec.host().startsWith("127.")) {
                throw new IllegalArgumentException("camera " + spec.id() + " needs a loopback host (127.x.y.z) to be simulated, has "
                        + spec.host());
            }
            return new InetSocketAddress(spec.host(), options.rtspPort());
        }
        return new InetSocketAddress(options.host(), options.rtspPort() == 0 ? 0 : options.rtspPort() + index);
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

    /** Camera id to substream URL (with credentials), for a gateway to pull. */
    public Map<String, String> rtspUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        cameras.forEach((id, camera) -> urls.put(id, camera.rtspUrl()));
        return urls;
    }

    @Override
    public void close() {
        background.shutdownNow();
        cameras.values().forEach(SimulatedCamera::stop);
        control.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
