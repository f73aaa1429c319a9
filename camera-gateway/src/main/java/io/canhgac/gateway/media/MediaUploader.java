package io.canhgac.gateway.media;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sends the spool to the centre over a weak link, one chunk at a time, choosing again before each
 * chunk ({@link MediaLanes}): snapshots first, then clips the centre asked for, then the oldest clip,
 * so a snapshot waits at most one chunk. Media goes only once the centre has acknowledged its event:
 * the centre then refusing the event as unknown means it was lost or refused, and the media is set
 * aside in {@code rejected/} rather than tried again. Clips keep to the gateway's budget
 * ({@link TokenBucket}) and give way while events wait to go. A cut costs one chunk: the centre's
 * offset is kept in memory, and asked for ({@code …/received}) after a restart or an error.
 */
public final class MediaUploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaUploader.class);

    private final MediaSpool spool;
    private final CentreMedia centre;
    private final MediaUploadSettings settings;
    private final Predicate<UUID> eventPending;
    private final BooleanSupplier eventsWaiting;
    private final SpoolBound bound;
    private final TokenBucket budget;
    private final Backoff backoff;
    private final MediaLanes lanes = new MediaLanes();
    private final Thread thread;
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    private volatile boolean closed;
    private volatile MediaFigures figures = MediaFigures.NONE;

    // the uploader's thread only
    private final Map<UUID, Long> offsets = new HashMap<>(); // what the centre holds of each file
    private final Set<UUID> ask = new HashSet<>();           // offsets to ask the centre for first
    private final Set<UUID> resent = new HashSet<>();        // sent again from 0 after a hash mismatch
    private long setAside;
    private long outageSince = -1;

    /**
     * @param eventPending  whether the centre has yet to acknowledge an event (the outbox's {@code isPending}):
     *                      its media is not sent until then
     * @param eventsWaiting whether events wait to go: then no clip chunk is sent (snapshots still are)
     */
    public MediaUploader(MediaSpool spool, CentreClient centre, MediaUploadSettings settings,
                         Predicate<UUID> eventPending, BooleanSupplier eventsWaiting) {
        this(spool, centre, settings, eventPending, eventsWaiting, () -> usableBytes(spool.dir()));
    }

    MediaUploader(MediaSpool spool, CentreClient centre, MediaUploadSettings settings,
                  Predicate<UUID> eventPending, BooleanSupplier eventsWaiting, LongSupplier usableBytes) {
        this.spool = spool;
        this.centre = new CentreMedia(centre, settings.requestTimeout());
        this.settings = settings;
        this.eventPending = eventPending;
        this.eventsWaiting = eventsWaiting;
        this.bound = new SpoolBound(spool, settings.spoolMaxBytes(), settings.minFreeBytes(), usableBytes);
        this.budget = new TokenBucket(settings.budgetBitsPerSecond(), settings.chunkBytes(), System::nanoTime);
        this.backoff = new Backoff(settings.retryInitial(), settings.retryMax());
        this.thread = new Thread(this::run, "media-uploader");
        thread.setDaemon(true);
    }

    public MediaUploader start() {
        List<SpooledMedia> pending = spool.pending();
        // a previous run may have sent part of these: ask the centre before resuming. Media spooled
        // from now on starts at 0 without a question
        pending.forEach(m -> ask.add(m.id()));
        figures = measure(pending);
        thread.start();
        return this;
    }

    /** The centre asked for this event's media ({@code MediaWanted}): its clip goes before the bulk queue. */
    public void wanted(UUID eventId) {
        lanes.want(eventId);
        wake();
    }

    /** Pending, bytes, dropped and set aside, as of the uploader's last look at the spool. */
    public MediaFigures figures() {
        return figures;
    }

    private void run() {
        try {
            while (!closed) {
                boolean busy;
                try {
                    busy = step();
                } catch (RuntimeException e) {
                    log.warn("Media upload step failed: {}", e.toString());
                    busy = false;
                }
                if (!busy) {
                    idle(settings.poll().toNanos());
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** One chunk (or question) for the most urgent media; false when nothing can go now. */
    private boolean step() throws InterruptedException {
        List<SpooledMedia> pending = spool.pending();
        if (bound.enforce(pending)) {
            pending = spool.pending();
            Set<UUID> left = pending.stream().map(SpooledMedia::id).collect(Collectors.toSet());
            offsets.keySet().retainAll(left);
        }
        figures = measure(pending);
        SpooledMedia media = lanes.next(pending, eventPending, !eventsWaiting.getAsBoolean());
        if (media == null) {
            return false;
        }
        if (!Files.isRegularFile(spool.file(media))) {
            log.error("Media {}: its file {} is missing from the spool; description set aside", media.id(), media.fileName());
            spool.rejectDescription(media);
            return true;
        }
        if (ask.contains(media.id())) {
            return answered(media, centre.received(media));
        }
        long offset = offsets.getOrDefault(media.id(), 0L);
        int length = (int) Math.min(settings.chunkBytes(), media.sizeBytes() - offset);
        boolean clip = MediaLanes.isClip(media);
        long wait = clip ? budget.waitNanos(length) : 0;
        if (wait > 0) {
            idle(wait); // then choose again: a snapshot or an asked-for clip may have come meanwhile
            return true;
        }
        byte[] chunk;
        try {
            chunk = read(spool.file(media), offset, length);
        } catch (NoSuchFileException e) {
            return true; // gone meanwhile: the next step sees its description alone
        } catch (IOException e) {
            setAside(media, "unreadable in the spool: " + e);
            return true;
        }
        CentreMedia.Answer answer = centre.chunk(media, offset, chunk, length);
        if (!(answer instanceof CentreMedia.Unavailable)) {
            budget.spend(length); // snapshots too: clips give way to them afterwards
        }
        return answered(media, answer);
    }

    private boolean answered(SpooledMedia media, CentreMedia.Answer answer) throws InterruptedException {
        if (answer instanceof CentreMedia.Unavailable unavailable) {
            ask.add(media.id()); // whatever the centre got of the cut chunk, it says so next time
            unreachable(unavailable.why());
            return true;
        }
        reachable();
        ask.remove(media.id());
        if (answer instanceof CentreMedia.Held held) {
            // more than the file: a partial of other content under this id, which the centre drops at 0
            offsets.put(media.id(), held.received() > media.sizeBytes() ? 0 : held.received());
        } else if (answer instanceof CentreMedia.Stored) {
            delivered(media);
        } else if (answer instanceof CentreMedia.Refused refused) {
            refused(media, refused);
        }
        return true;
    }

    private void delivered(SpooledMedia media) {
        offsets.remove(media.id());
        lanes.done(media.eventId());
        try {
            spool.remove(media);
        } catch (IOException e) {
            log.warn("Media {}: delivered but not removed from the spool: {}", media.id(), e.toString());
        }
        log.debug("Media {} ({} of event {}, {} bytes) delivered", media.id(), media.kind(), media.eventId(), media.sizeBytes());
    }

    private void refused(SpooledMedia media, CentreMedia.Refused refused) {
        // the centre's partial may be what is wrong (it drops it): the file is sent again once if it is intact here
        if ("HASH_MISMATCH".equals(refused.problem()) && resent.add(media.id()) && intact(media)) {
            log.warn("Media {}: the centre's copy did not match its SHA-256; sending it again from the start", media.id());
            offsets.put(media.id(), 0L);
            return;
        }
        setAside(media, "refused by the centre: " + refused.status() + " " + refused.problem() + " " + refused.detail());
    }

    private void setAside(SpooledMedia media, String why) {
        offsets.remove(media.id());
        lanes.done(media.eventId());
        setAside++;
        try {
            spool.reject(media, why);
            log.error("Media {} ({} of event {}) set aside in {}: {}", media.id(), media.kind(), media.eventId(),
                    spool.dir().resolve("rejected"), why);
        } catch (IOException e) {
            log.error("Media {}: cannot set it aside ({}): {}", media.id(), why, e.toString());
        }
    }

    private boolean intact(SpooledMedia media) {
        try {
            return MediaSpool.sha256(spool.file(media)).equals(media.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** Once per outage, not per file or chunk. */
    private void unreachable(String why) throws InterruptedException {
        if (outageSince < 0) {
            outageSince = System.nanoTime();
            log.warn("Media upload paused, the centre is unreachable ({}); {} files ({} bytes) wait in the spool, "
                    + "trying again every {} ms at most", why, figures.pending(), figures.bytes(), settings.retryMax().toMillis());
        }
        idle(backoff.next().toNanos());
    }

    private void reachable() {
        if (outageSince >= 0) {
            log.info("Media upload going again after {} s without the centre; {} files wait",
                    Duration.ofNanos(System.nanoTime() - outageSince).toSeconds(), figures.pending());
            outageSince = -1;
            backoff.reset();
        }
    }

    private MediaFigures measure(List<SpooledMedia> pending) {
        return new MediaFigures(pending.size(), pending.stream().mapToLong(SpooledMedia::sizeBytes).sum(), bound.dropped(), setAside);
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new EOFException("the file is shorter than its description says");
                }
            }
        }
        return bytes;
    }

    private static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: bound by the spool's own size only
        }
    }

    private void idle(long nanos) throws InterruptedException {
        synchronized (signal) {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; !woken && !closed && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            woken = false;
        }
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
