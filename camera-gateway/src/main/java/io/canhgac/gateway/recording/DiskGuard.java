package io.canhgac.gateway.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * Stops recording before the disk fills: below the free-space floor the recorders close their
 * segments and write nothing; a tenth above it they start again (the margin keeps a disk at the floor
 * from flapping). Whoever listens tells the cameras' health.
 */
final class DiskGuard {

    private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);

    interface Listener {
        void changed(boolean recording, long freeBytes, long minFreeBytes);
    }

    private final LongSupplier freeBytes;
    private final long minFree;
    private final Listener listener;
    private volatile boolean allows = true;

    DiskGuard(LongSupplier freeBytes, long minFree, Listener listener) {
        this.freeBytes = freeBytes;
        this.minFree = minFree;
        this.listener = listener;
    }

    /** Read by every recorder at every picture: a volatile read. */
    boolean allows() {
        return allows;
    }

    synchronized void check() {
        long free = freeBytes.getAsLong();
        if (allows && free < minFree) {
            allows = false;
            log.error("Recording stopped: {} MB free on the recording disk, the floor is {} MB", free >> 20, minFree >> 20);
            listener.changed(false, free, minFree);
        } else if (!allows && free >= minFree + minFree / 10) {
            allows = true;
            log.info("Recording resumed: {} MB free on the recording disk", free >> 20);
            listener.changed(true, free, minFree);
        }
    }
}
