package io.canhgac.event.camera;

import io.canhgac.contract.registry.DiscoveredDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs sweeps in the background and keeps the last few so the page can follow their progress.
 * At most two run at once: a sweep sends thousands of probes over a commune's thin link.
 */
@Component
class DiscoverySweeps implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DiscoverySweeps.class);
    private static final int KEPT = 20;
    private static final int RUNNING_AT_MOST = 2;

    private final CameraOnboardingService onboarding;
    private final ExecutorService runner = Executors.newFixedThreadPool(RUNNING_AT_MOST, r -> {
        Thread t = new Thread(r, "discovery-sweep");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, DiscoverySweep> sweeps = new LinkedHashMap<>();

    DiscoverySweeps(CameraOnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    /**
     * Starts a sweep of a commune's network through the gateway holding it; the gateway is found
     * first, so a missing one fails the request, not the job.
     *
     * @param communeId whose network it is; null for the district's only gateway
     */
    DiscoverySweep start(String range, String communeId) {
        GatewayControl gateway = onboarding.control(communeId);
        gateway.checkRange(range);
        String id = UUID.randomUUID().toString();
        DiscoverySweep sweep = new DiscoverySweep(id, range, "RUNNING", 0, 0, 0, Instant.now(), null, List.of(), null);
        put(sweep);
        runner.execute(() -> run(gateway, sweep));
        return sweep;
    }

    synchronized Optional<DiscoverySweep> find(String id) {
        return Optional.ofNullable(sweeps.get(id));
    }

    synchronized List<DiscoverySweep> recent() {
        List<DiscoverySweep> all = new ArrayList<>(sweeps.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private void run(GatewayControl gateway, DiscoverySweep started) {
        try {
            List<DiscoveredDevice> found = gateway.sweep(started.range(), (done, total, count) -> put(
                    new DiscoverySweep(started.id(), started.range(), "RUNNING", done, total, count, started.startedAt(),
                            null, List.of(), null)));
            List<DiscoveredDevice> marked = found.stream()
                    .map(d -> onboarding.registeredAt(d.deviceService()).map(d::registeredAs).orElse(d)).toList();
            DiscoverySweep last = find(started.id()).orElse(started);
            put(new DiscoverySweep(started.id(), started.range(), "DONE", last.total(), last.total(), marked.size(),
                    started.startedAt(), Instant.now(), marked, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(started, "stopped: the server is shutting down");
        } catch (RuntimeException e) {
            log.warn("Discovery sweep of {} failed: {}", started.range(), e.toString());
            fail(started, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void fail(DiscoverySweep started, String why) {
        DiscoverySweep last = find(started.id()).orElse(started);
        put(new DiscoverySweep(started.id(), started.range(), "FAILED", last.done(), last.total(), last.found(),
                started.startedAt(), Instant.now(), List.of(), why));
    }

    private synchronized void put(DiscoverySweep sweep) {
        sweeps.put(sweep.id(), sweep);
        while (sweeps.size() > KEPT) {
            sweeps.remove(sweeps.keySet().iterator().next());
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
