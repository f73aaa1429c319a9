package io.canhgac.gateway.health;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each camera's status (ONLINE, DEGRADED, UNAUTHORIZED, OFFLINE) from periodic checks and
 * reports every change as a CAMERA_ONLINE or CAMERA_OFFLINE event with the new status and why.
 * Timers and state live on one Netty event loop; the checks block on the network, so they run on
 * the given executor and hand their verdict back to the loop. A failing camera is retried with
 * capped exponential backoff, a healthy one checked every interval.
 */
public final class CameraHealthPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraHealthPoller.class);

    private final EventLoop loop;
    private final Executor blocking;
    private final HealthSettings settings;
    private final CameraEventSink sink;
    /** Touched on the loop only. */
    private final Map<String, Watched> cameras = new HashMap<>();
    private volatile boolean closed;

    public CameraHealthPoller(EventLoop loop, Executor blocking, HealthSettings settings, CameraEventSink sink) {
        this.loop = loop;
        this.blocking = blocking;
        this.settings = settings;
        this.sink = sink;
    }

    /** Starts checking a camera now; replaces an earlier check of the same camera. */
    public void watch(String cameraId, HealthCheck check) {
        loop.execute(() -> {
            Watched old = cameras.remove(cameraId);
            if (old != null) {
                old.cancel();
            }
            Watched w = new Watched(cameraId, check, new Backoff(settings.retryInitial(), settings.retryMax()));
            cameras.put(cameraId, w);
            poll(w);
        });
    }

    public void unwatch(String cameraId) {
        loop.execute(() -> {
            Watched w = cameras.remove(cameraId);
            if (w != null) {
                w.cancel();
            }
        });
    }

    /** The camera's status as last decided; UNKNOWN before its first check. */
    public CameraStatus status(String cameraId) {
        if (loop.inEventLoop()) {
            return Optional.ofNullable(cameras.get(cameraId)).map(w -> w.status).orElse(CameraStatus.UNKNOWN);
        }
        return loop.submit(() -> status(cameraId)).syncUninterruptibly().getNow();
    }

    @Override
    public void close() {
        closed = true;
        if (!loop.isShuttingDown()) {
            loop.execute(() -> {
                cameras.values().forEach(Watched::cancel);
                cameras.clear();
            });
        }
    }

    private void poll(Watched w) {
        if (closed || w.cancelled) {
            return;
        }
        CompletableFuture.supplyAsync(() -> safeCheck(w), blocking)
                .thenAcceptAsync(verdict -> decide(w, verdict), loop)
                .exceptionally(e -> {
                    // the executor or the loop is shutting down: nothing more to check
                    if (!(e.getCause() instanceof RejectedExecutionException)) {
                        log.warn("Camera {}: health check could not run: {}", w.id, e.toString());
                    }
                    return null;
                });
    }

    private static HealthVerdict safeCheck(Watched w) {
        try {
            return w.check.check();
        } catch (RuntimeException e) {
            return new HealthVerdict(CameraStatus.DEGRADED, "health check failed unexpectedly: " + e);
        }
    }

    /** On the loop: applies a verdict and schedules the next check. */
    private void decide(Watched w, HealthVerdict verdict) {
        if (closed || w.cancelled) {
            return;
        }
        Duration next;
        if (verdict.status() == CameraStatus.ONLINE) {
            w.strikes = 0;
            w.backoff.reset();
            transition(w, verdict);
            next = settings.interval();
        } else {
            // a better status (e.g. OFFLINE -> UNAUTHORIZED: it is back) needs no confirming
            boolean worse = rank(verdict.status()) > rank(w.status);
            w.strikes = verdict.status() == w.pendingStatus ? w.strikes + 1 : 1;
            w.pendingStatus = verdict.status();
            if (!worse || w.strikes >= settings.confirmations()) {
                transition(w, verdict);
            }
            next = w.backoff.next();
        }
        w.timer = loop.schedule(() -> poll(w), next.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void transition(Watched w, HealthVerdict verdict) {
        if (verdict.status() == w.status) {
            return;
        }
        CameraStatus from = w.status;
        w.status = verdict.status();
        if (verdict.status() == CameraStatus.ONLINE) {
            log.info("Camera {}: {} -> ONLINE", w.id, from);
        } else {
            log.warn("Camera {}: {} -> {} ({})", w.id, from, verdict.status(), verdict.detail());
        }
        sink.accept(CameraEvent.health(w.id, verdict.status(), Instant.now(), verdict.detail()));
    }

    /** How bad a status is, for deciding whether a change needs confirming. */
    private static int rank(CameraStatus status) {
        return switch (status) {
            case ONLINE, UNKNOWN -> 0;
            case DEGRADED -> 1;
            case UNAUTHORIZED -> 2;
            case OFFLINE -> 3;
        };
    }

    private static final class Watched {
        final String id;
        final HealthCheck check;
        final Backoff backoff;
        CameraStatus status = CameraStatus.UNKNOWN;
        CameraStatus pendingStatus;
        int strikes;
        boolean cancelled;
        ScheduledFuture<?> timer;

        Watched(String id, HealthCheck check, Backoff backoff) {
            this.id = id;
            this.check = check;
            this.backoff = backoff;
        }

        void cancel() {
            cancelled = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
