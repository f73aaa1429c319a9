package io.canhgac.gateway.media;

import java.util.function.LongSupplier;

/**
 * The gateway's media budget on its link, in bits per second. It holds at most one chunk, so the
 * link never gets more than a chunk above the rate. Clips ask {@link #waitNanos} before each chunk;
 * snapshots do not wait but {@link #spend} all the same, so clips give way to them afterwards.
 */
final class TokenBucket {

    private final long bitsPerSecond;
    private final long capacityBytes;
    private final LongSupplier nanoTime;
    private double bytes;
    private long refilledAt;

    /** @param bitsPerSecond 0 for unlimited */
    TokenBucket(long bitsPerSecond, long capacityBytes, LongSupplier nanoTime) {
        this.bitsPerSecond = bitsPerSecond;
        this.capacityBytes = capacityBytes;
        this.nanoTime = nanoTime;
        this.bytes = capacityBytes;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** How long to wait before {@code size} bytes may go; 0 for now. */
    synchronized long waitNanos(long size) {
        if (bitsPerSecond == 0) {
            return 0;
        }
        refill();
        double missing = Math.min(size, capacityBytes) - bytes;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * 8 * 1e9 / bitsPerSecond);
    }

    /** {@code size} bytes went: may leave the bucket in debt (a snapshot larger than what was there). */
    synchronized void spend(long size) {
        if (bitsPerSecond == 0) {
            return;
        }
        refill();
        bytes -= size;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        bytes = Math.min(capacityBytes, bytes + (now - refilledAt) * bitsPerSecond / 8e9);
        refilledAt = now;
    }
}
