package io.canhgac.gateway.site;

import io.netty.util.concurrent.DefaultThreadFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.InventoryAnnouncement;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings a site's own cameras to the centre: onboards each camera of its inventory here, over ONVIF
 * (or by its stream URL), and announces communes and cameras with {@code PUT /api/ingest/inventory},
 * at start and each time the control link comes up. The centre makes them this gateway's, and the
 * gateway then pulls them through the registry like any other. A camera that cannot be reached yet
 * is announced without a description and tried again later; one the file no longer lists is switched
 * off at the centre.
 */
public final class SiteAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteAnnouncer.class);
    public static final String PATH = "/api/ingest/inventory";
    /** Cameras described at once: each waits on its substream's first picture. */
    private static final int DESCRIBING = 4;

    private final CentreClient centre;
    private final SiteInventory site;
    private final CameraOnboarding onboarding;
    private final Runnable announced;
    private final Duration timeout;
    private final Duration again;
    private final Backoff backoff;
    private final Map<String, DeviceDescription> described = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("site-announcer", true));
    private final ExecutorService describers = Executors.newFixedThreadPool(DESCRIBING, new DefaultThreadFactory("site-describe", true));
    private volatile boolean requested;
    private boolean running;
    private String lastRefusal;

    /**
     * @param announced called after the centre took an announcement (fetch this gateway's cameras now)
     * @param retry     backoff while the centre cannot be reached; its cap is also how often cameras not
     *                  reached yet are tried again and a refused announcement is repeated
     */
    public SiteAnnouncer(CentreClient centre, SiteInventory site, CameraOnboarding onboarding, Runnable announced,
                         Duration timeout, Backoff retry, Duration again) {
        this.centre = centre;
        this.site = site;
        this.onboarding = onboarding;
        this.announced = announced;
        this.timeout = timeout;
        this.backoff = retry;
        this.again = again;
    }

    public SiteAnnouncer start() {
        announceSoon();
        return this;
    }

    /** Announces again soon (the control link came up: the centre may have changed or restarted). */
    public void announceSoon() {
        requested = true;
        schedule(Duration.ZERO);
    }

    private void schedule(Duration after) {
        try {
            timer.schedule(this::run, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** On the timer thread only. A request made while cameras were being described is served by this round. */
    private void run() {
        if (running || !requested) {
            return;
        }
        running = true;
        try {
            describeMissing();
            requested = false;
            Duration next = announce();
            if (next != null) {
                requested = true;
                schedule(next);
            } else if (described.size() < describable()) {
                requested = true;
                schedule(again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Announcing the site failed: {}", e.toString());
            requested = true;
            schedule(backoff.next());
        } finally {
            running = false;
        }
    }

    private void describeMissing() throws InterruptedException {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (CameraSpec camera : site.inventory().cameras()) {
            if (!described.containsKey(camera.id())) {
                work.add(CompletableFuture.runAsync(() -> describe(camera), describers));
            }
        }
        for (CompletableFuture<Void> w : work) {
            try {
                w.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("Describing a camera failed: {}", e.getCause().toString());
            }
        }
    }

    private void describe(CameraSpec camera) {
        String onvif = site.onvifAddress(camera);
        if (onvif != null) {
            OnboardingResult result = onboarding.onboard(onvif, OnvifCredentials.of(nullToEmpty(camera.username()),
                    nullToEmpty(camera.password())));
            if (result instanceof OnboardingResult.Onboarded onboarded) {
                described.put(camera.id(), onboarded.camera().description());
            } else {
                log.warn("Camera {} of the site not reached yet: {}", camera.id(), ((OnboardingResult.Refused) result).message());
            }
        } else if (camera.streamUrl() != null && !camera.streamUrl().isBlank()) {
            StreamAccount stream = StreamAccount.split(camera.streamUrl());
            described.put(camera.id(), new DeviceDescription(null, camera.manufacturer(), camera.model(), null, null, null,
                    null, null, null, stream.url(), null, false));
        }
    }

    private int describable() {
        return (int) site.inventory().cameras().stream()
                .filter(c -> site.onvifAddress(c) != null || c.streamUrl() != null && !c.streamUrl().isBlank()).count();
    }

    /** @return when to try again, or null when the centre took it */
    private Duration announce() throws InterruptedException {
        InventoryAnnouncement announcement = announcement();
        HttpRequest request = centre.request(PATH, timeout).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(centre.toJson(announcement))).build();
        HttpResponse<String> response;
        try {
            response = centre.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("Cannot announce the site to {}: {}", centre.baseUrl(), e.toString());
            return backoff.next();
        }
        int status = response.statusCode();
        if (status == 200) {
            backoff.reset();
            lastRefusal = null;
            accepted(response.body());
            announced.run();
            return null;
        }
        if (status == 400 || status == 409) {
            // a person must act (free a commune, fix the file): say it once, repeat now and then
            if (!response.body().equals(lastRefusal)) {
                log.error("The centre refused the site's inventory ({}): {}", status, response.body());
                lastRefusal = response.body();
            }
            return again;
        }
        log.warn("The centre answered the site's inventory with {}; trying again", status);
        return backoff.next();
    }

    private void accepted(String body) {
        try {
            InventoryAnnouncement.Accepted a = centre.json().readValue(body, InventoryAnnouncement.Accepted.class);
            log.info("Site announced: communes {}, {} cameras registered, not reached yet {}, switched off {}",
                    a.communes(), a.registered().size(), a.waiting(), a.switchedOff());
        } catch (JsonProcessingException e) {
            log.info("Site announced");
        }
    }

    private InventoryAnnouncement announcement() {
        DistrictInventory inventory = site.inventory();
        List<InventoryAnnouncement.Commune> communes = inventory.communes().stream()
                .map(c -> new InventoryAnnouncement.Commune(c.id(), c.name())).toList();
        List<InventoryAnnouncement.Camera> cameras = new ArrayList<>();
        for (CameraSpec c : inventory.cameras()) {
            DeviceDescription device = described.get(c.id());
            String username = c.username();
            String password = c.password();
            if (device != null && device.deviceService() == null && c.streamUrl() != null) {
                StreamAccount stream = StreamAccount.split(c.streamUrl());
                if (stream.username() != null) {
                    username = stream.username();
                    password = stream.password();
                }
            }
            cameras.add(new InventoryAnnouncement.Camera(c.id(), c.name(), c.commune(), c.latitude(), c.longitude(), device,
                    username, password));
        }
        return new InventoryAnnouncement(communes, cameras);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        describers.shutdownNow();
    }
}
