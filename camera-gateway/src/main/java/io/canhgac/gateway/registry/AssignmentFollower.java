package io.canhgac.gateway.registry;

import io.canhgac.contract.registry.CameraAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the registry: fetches this gateway's cameras at start, every interval, and at once when
 * told the registry changed. While the centre is unreachable the gateway keeps what it has, and it
 * keeps the last answer on disk: a gateway restarted during an outage goes on pulling its cameras
 * (and filling its outbox) rather than waiting for the link to return. A failed fetch is tried again
 * within seconds, not at the next interval.
 */
public final class AssignmentFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssignmentFollower.class);

    /** A failed fetch is tried again this soon. */
    static final Duration RETRY = Duration.ofSeconds(3);

    private final AssignmentClient client;
    private final ManagedCameras cameras;
    private final Duration every;
    private final AssignmentCache cache;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-follower");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean retrying = new AtomicBoolean();
    private volatile String lastProblem;

    /** @param cache where the last answer is kept; null for none */
    public AssignmentFollower(AssignmentClient client, ManagedCameras cameras, Duration every, AssignmentCache cache) {
        this.client = client;
        this.cameras = cameras;
        this.every = every;
        this.cache = cache;
    }

    public AssignmentFollower start() {
        if (cache != null) {
            cache.read().ifPresent(last -> {
                log.info("{} cameras from the registry's last answer, kept on disk, until the centre answers", last.size());
                cameras.apply(last);
            });
        }
        timer.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Fetches soon; several calls before it runs make one fetch. */
    public void refreshNow() {
        if (pending.compareAndSet(false, true)) {
            timer.execute(() -> {
                pending.set(false);
                refresh();
            });
        }
    }

    private void refresh() {
        try {
            List<CameraAssignment> fetched = client.fetch();
            cameras.apply(fetched);
            if (cache != null) {
                cache.write(fetched);
            }
            if (lastProblem != null) {
                log.info("Registry reachable again");
                lastProblem = null;
            }
        } catch (IOException e) {
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!problem.equals(lastProblem)) {
                log.warn("Cannot fetch this gateway's cameras, keeping the current ones: {}", problem);
                lastProblem = problem;
            }
            retrySoon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Registry answer not applied: {}", e.toString());
        }
    }

    private void retrySoon() {
        if (retrying.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    retrying.set(false);
                    refresh();
                }, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                retrying.set(false); // closing
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
