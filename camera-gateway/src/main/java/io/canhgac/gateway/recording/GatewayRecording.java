package io.canhgac.gateway.recording;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraEventSink;
import io.canhgac.gateway.live.PacketSource;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.video.PacketTap;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The gateway's around-the-clock recording: a recorder per camera fed by packets already read (the
 * worker's stream, or a demux-only pull of the main stream), each camera's segments and index,
 * retention and the disk guard, incident holds, and what the centre asks over the link: spans and
 * gaps, playback, holds, exports. Recording never depends on the link: it goes on while it is down.
 */
public final class GatewayRecording implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayRecording.class);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(10);
    /** Exports waiting at once; beyond, the centre is told to ask again later. */
    private static final int MAX_EXPORTS = 8;

    private final RecordingSettings settings;
    private final MediaSpool spool;
    private final Consumer<UUID> exportQueued;
    private final Clock clock;
    private final Map<String, CameraArchive> archives = new ConcurrentHashMap<>();
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final Map<String, MainStreamPull> mainPulls = new ConcurrentHashMap<>();
    private final RecordingHolds holds;
    private final DiskGuard guard;
    private final RetentionSweep sweep;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("recording-retention", true));
    private final ScheduledExecutorService exporter = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("recording-export", true));
    private final AtomicBoolean sweepQueued = new AtomicBoolean();
    /** Fills camera-offline gaps from the cameras' own storage; null until asked for. */
    private volatile CardReplays replays;
    private final java.util.concurrent.atomic.AtomicInteger exportsWaiting = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param spool        where exports wait for the resumable upload; null: exports are refused
     * @param health       where the disk guard's stop and resume are told, per camera (a health source)
     * @param exportQueued an export is in the spool: let it ahead of the bulk clips (the uploader's hook)
     */
    public static GatewayRecording open(RecordingSettings settings, MediaSpool spool, CameraEventSink health,
                                        Consumer<UUID> exportQueued) {
        return new GatewayRecording(settings, spool, health, exportQueued, () -> usableBytes(settings.dir()), Clock.systemUTC());
    }

    GatewayRecording(RecordingSettings settings, MediaSpool spool, CameraEventSink health, Consumer<UUID> exportQueued,
                     LongSupplier freeBytes, Clock clock) {
        this.settings = settings;
        this.spool = spool;
        this.exportQueued = exportQueued;
        this.clock = clock;
        try {
            Files.createDirectories(settings.dir());
            try (Stream<Path> dirs = Files.list(settings.dir())) {
                dirs.filter(Files::isDirectory).forEach(d -> archive(d.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the recording folder " + settings.dir(), e);
        }
        this.holds = new RecordingHolds(settings.dir().resolve("holds.json"));
        this.guard = new DiskGuard(freeBytes, settings.minFreeBytes(), (on, free, min) -> tell(health, on, free, min));
        this.sweep = new RetentionSweep(settings, archives::values, holds, guard, clock);
        sweep.run();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Recording into {}: {} stream, {} s segments, {} days, quota {} MB, {} MB kept free", settings.dir(),
                settings.stream().wireName(), settings.segment().toSeconds(), settings.retentionDays(), settings.quotaBytes() >> 20,
                settings.minFreeBytes() >> 20);
    }

    public RecordingSettings settings() {
        return settings;
    }

    /** Which stream this camera records; empty when recording is off. */
    public Optional<RecordedStream> stream(String cameraId) {
        return settings.enabled() ? Optional.of(settings.stream(cameraId)) : Optional.empty();
    }

    /** A recorder for packets the camera's worker already reads (a tap), started afresh with each attach. */
    public PacketTap recorder(String cameraId) {
        if (!settings.enabled()) {
            return PacketTap.NONE;
        }
        recording.add(cameraId);
        CameraArchive archive = archive(cameraId);
        String stream = settings.stream(cameraId).wireName();
        return new CameraRecorder(archive, settings.segment(), guard::allows, this::sweepSoon, (from, to) -> {
            CardReplays r = replays;
            if (r != null) {
                r.offline(archive, stream, from, to);
            }
        });
    }

    /**
     * From now on, a camera back after an outage is asked for the missed stretch from its own storage
     * (ONVIF Recording Search and Replay), where {@code cards} knows its ONVIF side.
     */
    public synchronized void fillFromCameras(CameraCard.Directory cards, CardReplaySettings replay) {
        if (replays != null) {
            replays.close();
        }
        replays = new CardReplays(cards, replay, settings.segment());
    }

    /** Records the camera's main stream from a pull of its own (its worker reads the substream). */
    public synchronized void recordMain(String cameraId, String url, Duration ioTimeout, Backoff backoff) {
        stopMain(cameraId);
        mainPulls.put(cameraId, new MainStreamPull(cameraId, url, ioTimeout, recorder(cameraId), backoff).start());
    }

    /** The camera left the gateway: its pull stops; what it recorded stays until retention. */
    public synchronized void detached(String cameraId) {
        stopMain(cameraId);
        recording.remove(cameraId);
    }

    private void stopMain(String cameraId) {
        MainStreamPull old = mainPulls.remove(cameraId);
        if (old != null) {
            old.stop();
        }
    }

    /** Gaps of the camera waiting for, or being fetched from, its own storage. */
    int pendingReplays(String cameraId) {
        CardReplays r = replays;
        return r == null ? 0 : r.pending(cameraId);
    }

    // --- what the centre asks over the link

    public LinkReply.Recorded recorded(LinkRequest.Recordings r) {
        CameraArchive archive = archives.get(folder(r.cameraId()));
        if (archive == null) {
            return new LinkReply.Recorded(r.id(), List.of(), List.of(), null);
        }
        RecordingTimeline t = archive.timeline(r.from(), r.to(), settings.stream(r.cameraId()).wireName(), clock.instant());
        return new LinkReply.Recorded(r.id(), t.spans(), t.gaps(), t.oldest());
    }

    public LinkReply.Answer hold(LinkRequest.RecordingHold h) {
        try {
            if (h.held()) {
                holds.hold(h.incidentId(), h.cameraId(), h.from(), h.to());
            } else {
                holds.release(h.incidentId(), h.cameraId(), h.from(), h.to());
                sweepSoon(); // what only this hold kept may be past retention already
            }
            return new LinkReply.Done(h.id());
        } catch (IOException e) {
            return new LinkReply.Failed(h.id(), "FAILED", "the hold could not be saved: " + e.getMessage());
        }
    }

    /** Queues the export; answered at once, the file follows through the media upload. */
    public LinkReply.Answer export(LinkRequest.RecordingExport e) {
        CameraArchive archive = archives.get(folder(e.cameraId()));
        Instant to = min(e.to(), clock.instant());
        if (archive == null || !to.isAfter(e.from()) || archive.overlapping(e.from(), to).isEmpty()) {
            return new LinkReply.Failed(e.id(), "NOT_RECORDED", "nothing of camera " + e.cameraId() + " is recorded in that range");
        }
        if (spool == null) {
            return new LinkReply.Failed(e.id(), "NO_MEDIA", "this gateway uploads no media");
        }
        if (exportsWaiting.incrementAndGet() > MAX_EXPORTS) {
            exportsWaiting.decrementAndGet();
            return new LinkReply.Failed(e.id(), "BUSY", MAX_EXPORTS + " exports are being written: ask again later");
        }
        exporter.execute(() -> {
            try {
                writeExport(archive, e, to);
            } finally {
                exportsWaiting.decrementAndGet();
            }
        });
        return new LinkReply.Done(e.id());
    }

    private void writeExport(CameraArchive archive, LinkRequest.RecordingExport e, Instant to) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(spool.dir(), ".writing-", ".mp4");
            Optional<RangeExport.Written> written = RangeExport.write(archive, e.from(), to, tmp);
            if (written.isEmpty()) {
                log.warn("Export {} of camera {}: nothing recorded after all", e.exportId(), e.cameraId());
                return;
            }
            spool.add(tmp, e.exportId(), e.exportId(), e.cameraId(), "RECORDING", "video/mp4", "mp4", e.from());
            tmp = null;
            log.info("Export {} of camera {}: {} pictures from {} to {} queued for upload", e.exportId(), e.cameraId(),
                    written.get().pictures(), written.get().first(), written.get().last());
            exportQueued.accept(e.exportId());
        } catch (IOException | RuntimeException ex) {
            log.warn("Export {} of camera {} failed: {}", e.exportId(), e.cameraId(), ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file has no description: the uploader skips it
                }
            }
        }
    }

    /** The recording as a stream from {@code from}; empty for a camera never recorded here. */
    public Optional<PacketSource> playback(String cameraId, Instant from, int speed) {
        CameraArchive archive = archives.get(folder(cameraId));
        return archive == null ? Optional.empty() : Optional.of(new Playback(archive, from, speed));
    }

    // --- retention, disk

    /** Every camera's segments and index, together on disk now. */
    public long bytes() {
        return archives.values().stream().mapToLong(CameraArchive::bytes).sum();
    }

    public boolean recordingAllowed() {
        return guard.allows();
    }

    /** Runs retention and the disk guard now (tests; otherwise every {@link #SWEEP_EVERY} and after each segment). */
    public void sweepNow() {
        sweep.run();
    }

    private void sweepSoon() {
        if (sweepQueued.compareAndSet(false, true)) {
            try {
                sweeper.execute(() -> {
                    sweepQueued.set(false);
                    sweepQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                sweepQueued.set(false); // stopping
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.warn("Recording retention failed: {}", e.toString());
        }
    }

    private void tell(CameraEventSink health, boolean on, long free, long min) {
        Instant now = clock.instant();
        String detail = on ? null : "recording stopped: " + (free >> 20) + " MB free on the gateway's disk, less than the "
                + (min >> 20) + " MB kept free";
        for (String cameraId : recording) {
            health.accept(CameraEvent.health(cameraId, on ? CameraStatus.ONLINE : CameraStatus.DEGRADED, now, detail));
        }
    }

    CameraArchive archive(String cameraId) {
        String name = folder(cameraId);
        return archives.computeIfAbsent(name, n -> new CameraArchive(cameraId, settings.dir().resolve(n)));
    }

    /** A camera's folder: its id, with anything a file name should not hold replaced. */
    static String folder(String cameraId) {
        return cameraId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: the quota still bounds us
        }
    }

    @Override
    public void close() {
        mainPulls.keySet().forEach(this::stopMain);
        CardReplays r = replays;
        if (r != null) {
            r.close();
        }
        sweeper.shutdownNow();
        exporter.shutdown();
    }
}
