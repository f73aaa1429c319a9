package io.canhgac.gateway.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the registry: fetches this gateway's cameras at start, every interval, and at once when
 * told the registry changed. While the service is unreachable the gateway keeps what it has.
 */
public final class AssignmentFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssignmentFollower.class);

    private final AssignmentClient client;
    private final ManagedCameras cameras;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-follower");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile String lastProblem;

    public AssignmentFollower(AssignmentClient client, ManagedCameras cameras, Duration every) {
        this.client = client;
        this.cameras = cameras;
        this.every = every;
    }

    public AssignmentFollower start() {
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
            cameras.apply(client.fetch());
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Registry answer not applied: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
