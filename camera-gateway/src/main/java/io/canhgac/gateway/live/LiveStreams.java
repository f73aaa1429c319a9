package io.canhgac.gateway.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running pulls: the first viewer of a camera stream starts one, later viewers share it, and
 * it stops a little after the last viewer leaves (so a page reload or a wall page flip reuses it).
 */
final class LiveStreams implements AutoCloseable {

    private final LiveSources sources;
    private final LiveSettings settings;
    private final Consumer<LiveFragment> tap;
    private final Map<StreamKey, LivePull> pulls = new HashMap<>();
    private final Map<StreamKey, ScheduledFuture<?>> pendingStops = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-linger");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param sources where each camera stream's packets come from (the camera, or a commune's gateway)
     * @param tap     sees every fragment made (benchmarks); {@code f -> {}} otherwise
     */
    LiveStreams(LiveSources sources, LiveSettings settings, Consumer<LiveFragment> tap) {
        this.sources = sources;
        this.settings = settings;
        this.tap = tap;
    }

    /** Adds a viewer, starting the stream's pull if needed; false when there is no such camera stream. */
    synchronized boolean join(StreamKey key, LiveViewer viewer) {
        LivePull pull = pulls.get(key);
        if (pull == null) {
            Optional<LiveSource> source = sources.find(key.cameraId(), key.stream());
            if (source.isEmpty()) {
                return false;
            }
            LivePull[] self = new LivePull[1];
            self[0] = new LivePull(key, source.get()::packets, settings, tap, () -> died(key, self[0]));
            pull = self[0];
            pulls.put(key, pull);
            pull.start();
        }
        ScheduledFuture<?> stop = pendingStops.remove(key);
        if (stop != null) {
            stop.cancel(false);
        }
        pull.add(viewer);
        return true;
    }

    synchronized void leave(StreamKey key, LiveViewer viewer) {
        LivePull pull = pulls.get(key);
        if (pull == null) {
            return;
        }
        pull.remove(viewer);
        if (pull.viewerCount() == 0 && !pendingStops.containsKey(key)) {
            pendingStops.put(key, timer.schedule(() -> stopIfUnwatched(key, pull), settings.linger().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private synchronized void stopIfUnwatched(StreamKey key, LivePull pull) {
        pendingStops.remove(key);
        if (pulls.get(key) == pull && pull.viewerCount() == 0) {
            pulls.remove(key);
            pull.stop();
        }
    }

    /** A pull that gave up has already told its viewers; the next viewer starts afresh. */
    private synchronized void died(StreamKey key, LivePull pull) {
        if (pulls.remove(key, pull)) {
            ScheduledFuture<?> stop = pendingStops.remove(key);
            if (stop != null) {
                stop.cancel(false);
            }
        }
    }

    /** The newest keyframe of a stream being pulled right now, if any: a snapshot then needs no connection of its own. */
    synchronized Optional<byte[]> latestKeyframe(StreamKey key) {
        LivePull pull = pulls.get(key);
        return pull == null ? Optional.empty() : Optional.ofNullable(pull.latestKeyframe());
    }

    synchronized int runningPulls() {
        return pulls.size();
    }

    synchronized int viewers(StreamKey key) {
        LivePull pull = pulls.get(key);
        return pull == null ? 0 : pull.viewerCount();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        pulls.values().forEach(LivePull::stop);
        pulls.clear();
    }
}
