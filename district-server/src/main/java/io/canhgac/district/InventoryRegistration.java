package io.canhgac.district;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.event.camera.CameraOnboardingService;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.camera.CameraView;
import io.canhgac.event.camera.GatewayControls;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.camera.OnboardingRefusedException;
import io.canhgac.event.user.CommuneScope;
import io.canhgac.gateway.site.StreamAccount;
import io.canhgac.simulator.SimulatedCamera;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers the inventory's cameras that the registry does not hold yet, the way a technician
 * would: a camera that speaks ONVIF is onboarded through it (device information, profiles, stream
 * check), any other by its stream URL. Cameras already registered at the same address are left alone.
 */
final class InventoryRegistration {

    private static final Logger log = LoggerFactory.getLogger(InventoryRegistration.class);

    private final DistrictInventory inventory;
    private final SimulatorLifecycle simulator;
    private final CameraRepository cameras;
    private final CameraOnboardingService onboarding;
    /** How long a camera waits for its commune's gateway to connect (a commune gateway process starts with the server). */
    static final Duration GATEWAY_WAIT = Duration.ofMinutes(2);

    private final GatewayControls gateways;

    /** @param simulator the simulated cameras, or null to use the inventory's stream URLs */
    InventoryRegistration(DistrictInventory inventory, SimulatorLifecycle simulator, CameraRepository cameras,
                          CameraOnboardingService onboarding, GatewayControls gateways) {
        this.inventory = inventory;
        this.simulator = simulator;
        this.cameras = cameras;
        this.onboarding = onboarding;
        this.gateways = gateways;
    }

    /** Registers what is missing, a few cameras at a time; returns how many were registered. */
    int run(int parallel) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> new Thread(r, "inventory-registration"));
        AtomicInteger registered = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        try {
            for (CameraSpec spec : inventory.cameras()) {
                Optional<CameraView.Registration> now = cameras.find(CommuneScope.REGION, spec.id())
                        .map(CameraView::registration);
                work.add(pool.submit(() -> {
                    if (register(spec, now.orElse(null))) {
                        registered.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("Registering a camera failed: {}", e.getCause().toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (registered.get() > 0) {
            log.info("Registered {} of the inventory's {} cameras", registered.get(), inventory.cameras().size());
        }
        return registered.get();
    }

    private boolean register(CameraSpec spec, CameraView.Registration current) {
        SimulatedCamera simulated = simulator == null ? null : simulator.simulator().camera(spec.id());
        Optional<String> onvif = simulated == null ? Optional.empty() : simulated.onvifUrl();
        if (onvif.isPresent()) {
            if (current != null && onvif.get().equals(current.deviceService())) {
                return false;
            }
            try {
                DeviceDescription device = describe(spec, onvif.get());
                onboarding.register(spec.id(), spec.commune(), null, null, null, device, spec.username(), spec.password());
                return true;
            } catch (OnboardingRefusedException e) {
                log.warn("Camera {} not registered: {}", spec.id(), e.getMessage());
                return false;
            }
        }
        String url = simulated != null ? simulated.rtspUrl() : spec.streamUrl();
        if (url == null || url.isBlank()) {
            return false;
        }
        StreamAccount stream = StreamAccount.split(url);
        if (current != null && Objects.equals(stream.url(), current.subStream()) && current.deviceService() == null) {
            return false;
        }
        DeviceDescription device = new DeviceDescription(null, spec.manufacturer(), spec.model(), null, null, null,
                null, null, null, stream.url(), null, false);
        String username = stream.username() != null ? stream.username() : spec.username();
        String password = stream.username() != null ? stream.password() : spec.password();
        onboarding.register(spec.id(), spec.commune(), null, null, null, device, username, password);
        return true;
    }

    /** Through the gateway of the camera's commune, once that gateway is there. */
    private DeviceDescription describe(CameraSpec spec, String deviceService) {
        long deadline = System.nanoTime() + GATEWAY_WAIT.toNanos();
        while (true) {
            try {
                return gateways.forCommune(spec.commune()).describe(deviceService, nullToEmpty(spec.username()),
                        nullToEmpty(spec.password()));
            } catch (GatewayUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw new OnboardingRefusedException("GATEWAY_UNAVAILABLE", e.getMessage());
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnboardingRefusedException("INTERRUPTED", "the server is stopping");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
