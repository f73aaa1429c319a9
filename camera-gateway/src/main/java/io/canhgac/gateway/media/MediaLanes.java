package io.canhgac.gateway.media;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Which media goes next, one chunk at a time: snapshots first (they go with their events: the alert
 * desk shows them), then the clips the centre asked for (in the order asked), then the oldest clip.
 * Media whose event the centre has not acknowledged yet is not a candidate at all.
 */
final class MediaLanes {

    /** Asked-for events kept; beyond, the oldest ask is forgotten (its clip then goes in age order). */
    static final int MAX_WANTED = 256;

    private final LinkedHashSet<UUID> wanted = new LinkedHashSet<>();

    synchronized void want(UUID eventId) {
        if (wanted.add(eventId) && wanted.size() > MAX_WANTED) {
            Iterator<UUID> oldest = wanted.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** This event's clips are all delivered (or gone): it no longer jumps the queue. */
    synchronized void done(UUID eventId) {
        wanted.remove(eventId);
    }

    synchronized boolean isWanted(UUID eventId) {
        return wanted.contains(eventId);
    }

    /**
     * @param pending      the spool, oldest first
     * @param eventPending whether the centre has yet to acknowledge an event
     * @param clips        false while events wait to go: then only snapshots
     * @return the media to send a chunk of, or null for none now
     */
    SpooledMedia next(List<SpooledMedia> pending, Predicate<UUID> eventPending, boolean clips) {
        Predicate<SpooledMedia> ready = m -> !eventPending.test(m.eventId());
        for (SpooledMedia m : pending) {
            if (!isClip(m) && ready.test(m)) {
                return m;
            }
        }
        if (!clips) {
            return null;
        }
        synchronized (this) {
            for (UUID event : wanted) {
                for (SpooledMedia m : pending) {
                    if (m.eventId().equals(event) && isClip(m) && ready.test(m)) {
                        return m;
                    }
                }
            }
        }
        for (SpooledMedia m : pending) {
            if (isClip(m) && ready.test(m)) {
                return m;
            }
        }
        return null;
    }

    /** Event clips and recording exports: the heavy lane, behind snapshots and events. */
    static boolean isClip(SpooledMedia media) {
        return "CLIP".equals(media.kind()) || "RECORDING".equals(media.kind());
    }
}
