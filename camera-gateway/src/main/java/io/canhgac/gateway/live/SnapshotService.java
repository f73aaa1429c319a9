package io.canhgac.gateway.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A current JPEG of a camera stream for weak links (refresh an image instead of streaming video):
 * decodes one keyframe only — the live pull's newest when the stream is being watched, otherwise
 * whatever the stream's source gives (a short camera connection of its own, or the commune's
 * gateway's answer) — and lets every request in the next moments share it. Decoding runs on its
 * own threads, never on the event loop.
 */
final class SnapshotService implements AutoCloseable {

    private record Cached(CompletableFuture<byte[]> jpeg, long madeAtNanos) {
    }

    private final LiveSources sources;
    private final LiveSettings settings;
    private final Function<StreamKey, Optional<byte[]>> runningKeyframes;
    private final Map<StreamKey, Cached> cache = new HashMap<>();
    private final ExecutorService decoders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "live-snapshot");
        t.setDaemon(true);
        return t;
    });

    /** @param runningKeyframes the newest keyframe (Annex B with SPS and PPS) of a stream already pulled, if any */
    SnapshotService(LiveSources sources, LiveSettings settings, Function<StreamKey, Optional<byte[]>> runningKeyframes) {
        this.sources = sources;
        this.settings = settings;
        this.runningKeyframes = runningKeyframes;
    }

    /** Empty when there is no such camera stream; otherwise the JPEG, or a failure saying why. */
    synchronized Optional<CompletableFuture<byte[]>> jpeg(StreamKey key) {
        Optional<LiveSource> source = sources.find(key.cameraId(), key.stream());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached c = cache.get(key);
        boolean fresh = c != null && (!c.jpeg().isDone() || now - c.madeAtNanos() < settings.snapshotMaxAge().toNanos());
        if (fresh && !c.jpeg().isCompletedExceptionally()) {
            return Optional.of(c.jpeg());
        }
        Optional<byte[]> keyframe = runningKeyframes.apply(key);
        CompletableFuture<byte[]> made = keyframe.isPresent()
                ? CompletableFuture.supplyAsync(() -> SnapshotDecoder.fromKeyframe(keyframe.get()), decoders)
                : source.get().snapshot(decoders);
        cache.put(key, new Cached(made, now));
        return Optional.of(made);
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }
}
