package io.canhgac.gateway.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps the spool within its bytes and the disk above its free space. When over, the oldest clips
 * go first: a snapshot is what the alert desk shows and is small, so none is deleted while any clip
 * is left. Each drop is logged with its event and counted: the centre sees the count in the
 * gateway's status.
 */
final class SpoolBound {

    private static final Logger log = LoggerFactory.getLogger(SpoolBound.class);

    private final MediaSpool spool;
    private final long maxBytes;
    private final long minFreeBytes;
    private final LongSupplier usableBytes;
    private long dropped;

    /** @param usableBytes free space for the spool's disk now */
    SpoolBound(MediaSpool spool, long maxBytes, long minFreeBytes, LongSupplier usableBytes) {
        this.spool = spool;
        this.maxBytes = maxBytes;
        this.minFreeBytes = minFreeBytes;
        this.usableBytes = usableBytes;
    }

    long dropped() {
        return dropped;
    }

    /**
     * @param pending the spool, oldest first
     * @return whether anything was deleted (the caller lists the spool again)
     */
    boolean enforce(List<SpooledMedia> pending) {
        long total = pending.stream().mapToLong(SpooledMedia::sizeBytes).sum();
        long usable = usableBytes.getAsLong();
        long excess = Math.max(total - maxBytes, minFreeBytes - usable);
        if (excess <= 0) {
            return false;
        }
        List<SpooledMedia> order = new ArrayList<>(pending.stream().filter(MediaLanes::isClip).toList());
        order.addAll(pending.stream().filter(m -> !MediaLanes.isClip(m)).toList());
        boolean any = false;
        for (SpooledMedia media : order) {
            if (excess <= 0) {
                break;
            }
            try {
                spool.remove(media);
            } catch (IOException e) {
                log.warn("Media {}: cannot delete it to bound the spool: {}", media.id(), e.toString());
                continue;
            }
            excess -= media.sizeBytes();
            dropped++;
            any = true;
            log.warn("Media spool over its bound ({} bytes of {} allowed, {} bytes free of {} kept free): deleted {} {} of event {} "
                    + "({} bytes, captured {}) unsent", total, maxBytes, usable, minFreeBytes, media.kind().toLowerCase(),
                    media.id(), media.eventId(), media.sizeBytes(), media.capturedAt());
        }
        return any;
    }
}
