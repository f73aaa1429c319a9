package io.canhgac.simulator.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the nonces of accepted requests for as long as their Created time could still be
 * accepted, so a captured request cannot be sent again. Bounded: past {@code capacity} live
 * entries the oldest is forgotten (a flood can then reopen a replay window for the oldest nonces,
 * which a simulator accepts rather than lock out honest clients).
 */
final class NonceReplayCache {

    private final Duration retention;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    NonceReplayCache(Duration retention, int capacity) {
        this.retention = retention;
        this.capacity = capacity;
    }

    /** Records the nonce; false if it was already used within the retention window. */
    synchronized boolean firstUse(String nonce, Instant now) {
        purge(now);
        if (seen.containsKey(nonce)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<Map.Entry<String, Instant>> eldest = seen.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        seen.put(nonce, now.plus(retention));
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void purge(Instant now) {
        // Insertion order is expiry order: stop at the first live entry.
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().isBefore(now)) {
            it.remove();
        }
    }
}
