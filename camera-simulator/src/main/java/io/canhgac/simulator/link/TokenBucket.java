package io.canhgac.simulator.link;

/**
 * A byte budget refilled at the capped rate, shared by every connection of one direction of a link.
 * The burst is small (50 ms worth, at least 4 KiB) so the cap holds over any second. Used on the
 * link's event loop only.
 */
final class TokenBucket {

    private static final double MIN_BURST_BYTES = 4096;
    private static final double BURST_SECONDS = 0.05;

    private long bitsPerSecond;
    private double bytesPerNano;
    private double capacity;
    private double tokens;
    private long refilledAt;

    /** 0 = unlimited. Keeps what is left of the budget, so changing the cap is not a free burst. */
    void setRate(long bitsPerSecond, long now) {
        if (bitsPerSecond == this.bitsPerSecond) {
            return;
        }
        boolean wasUnlimited = this.bitsPerSecond == 0;
        refill(now);
        this.bitsPerSecond = bitsPerSecond;
        bytesPerNano = bitsPerSecond / 8e9;
        capacity = Math.max(MIN_BURST_BYTES, bitsPerSecond / 8.0 * BURST_SECONDS);
        tokens = wasUnlimited ? capacity : Math.min(tokens, capacity);
    }

    /** How many of the wanted bytes may go now; 0 means wait {@link #nanosUntilAvailable}. */
    int take(int wanted, long now) {
        if (bitsPerSecond == 0) {
            return wanted;
        }
        refill(now);
        if (tokens < leastWorthSending(wanted)) {
            return 0;
        }
        int granted = (int) Math.min(wanted, tokens);
        tokens -= granted;
        return granted;
    }

    long nanosUntilAvailable(int wanted) {
        double missing = leastWorthSending(wanted) - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing / bytesPerNano);
    }

    /** Waiting for a quarter of the burst keeps slow links from sending a byte at a time. */
    private double leastWorthSending(int wanted) {
        return Math.min(wanted, capacity / 4);
    }

    private void refill(long now) {
        if (bitsPerSecond != 0) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * bytesPerNano);
        }
        refilledAt = now;
    }
}
