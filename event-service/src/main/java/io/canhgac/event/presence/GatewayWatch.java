package io.canhgac.event.presence;

import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.event.alert.AlertKind;
import io.canhgac.event.alert.GatewayAlerts;
import io.canhgac.event.gateway.GatewayRegistry;
import io.canhgac.event.link.GatewayLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at every gateway every few seconds: a gateway silent past {@code canhgac.gateways.silent-after}
 * raises one GATEWAY_SILENT, cleared once it is heard again; an outbox past its alarm (or dropping
 * events) raises GATEWAY_OUTBOX, cleared once it is back under. Keeps last_seen_at fresh while a link
 * is up, so the last contact survives a restart and other centre nodes see it.
 * <p>
 * Alerts follow changes: each is raised when its condition starts and cleared when it ends (after a
 * start, whatever was left open is cleared once). A database that fails a look is logged and tried at
 * the next, which sees the same condition again.
 */
@Component
class GatewayWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayWatch.class);

    private record Condition(UUID gateway, AlertKind kind) {
    }

    private final GatewayPresence presence;
    private final GatewayRegistry registry;
    private final GatewayAlerts alerts;
    private final PresenceProperties properties;
    /** What each alert's condition was at the last look; absent: not known since start. Touched on the timer thread only. */
    private final Map<Condition, Boolean> active = new HashMap<>();
    private ScheduledExecutorService timer;
    private String lastFailure;

    GatewayWatch(GatewayPresence presence, GatewayRegistry registry, GatewayAlerts alerts, PresenceProperties properties) {
        this.presence = presence;
        this.registry = registry;
        this.alerts = alerts;
        this.properties = properties;
    }

    /** One look at every gateway; never throws. */
    void check() {
        List<GatewaySighting> sightings;
        try {
            sightings = presence.sightings();
        } catch (RuntimeException e) {
            failed("reading the gateways", e);
            return;
        }
        Instant now = presence.now();
        boolean allWell = true;
        for (GatewaySighting sighting : sightings) {
            try {
                check(sighting, now);
            } catch (RuntimeException e) {
                allWell = false;
                failed("gateway " + sighting.gateway().name(), e);
            }
        }
        if (allWell && lastFailure != null) {
            log.info("Gateway watch works again");
            lastFailure = null;
        }
    }

    private void check(GatewaySighting s, Instant now) {
        if (!s.gateway().enabled()) {
            settle(s, AlertKind.GATEWAY_SILENT, false, null, "gateway revoked", now);
            settle(s, AlertKind.GATEWAY_OUTBOX, false, null, "gateway revoked", now);
            return;
        }
        if (s.connected()) {
            registry.heard(s.gateway().id());
        }
        settle(s, AlertKind.GATEWAY_SILENT, s.silent(now, properties.silentAfter(), presence.startedAt()), s.lastContact(),
                "gateway heard again", now);
        // the outbox is known only while its link is up here: otherwise its alert stays as it is
        GatewayStatus status = s.connected() ? s.link().status() : null;
        if (status != null) {
            boolean full = status.outboxAlarm() || status.droppedEvents() > 0;
            settle(s, AlertKind.GATEWAY_OUTBOX, full, status.oldestPending(), "outbox back under its alarm", now);
        }
    }

    private void settle(GatewaySighting s, AlertKind kind, boolean bad, Instant since, String clearedBy, Instant now) {
        UUID gateway = s.gateway().id();
        Condition condition = new Condition(gateway, kind);
        Boolean was = active.get(condition);
        if (bad && !Boolean.TRUE.equals(was)) {
            if (alerts.raise(gateway, kind, now, since)) {
                log.warn("Alert {} raised for gateway {} (communes {}; last contact {})", kind, s.gateway().name(),
                        s.gateway().communes(), s.lastContact());
            }
            active.put(condition, true);
        } else if (!bad && !Boolean.FALSE.equals(was)) {
            if (alerts.clear(gateway, kind, clearedBy, now) > 0) {
                log.info("Alert {} of gateway {} cleared: {}", kind, s.gateway().name(), clearedBy);
            }
            active.put(condition, false);
        }
    }

    private void failed(String what, RuntimeException e) {
        String message = what + ": " + e;
        if (!message.equals(lastFailure)) {
            log.warn("Gateway watch failed on {}; trying again in {}", message, properties.checkEvery());
            lastFailure = message;
        }
    }

    /** A link that comes up clears its gateway's silence now, not at the next look. */
    @EventListener
    void onConnected(GatewayLinks.Connected connected) {
        checkSoon();
    }

    void checkSoon() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            try {
                t.execute(this::check);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gateway-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
