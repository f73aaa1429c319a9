package io.canhgac.event.media;

import io.canhgac.event.camera.GatewayControls;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.user.CommuneScope;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clips are pulled as well as pushed: when someone opens a motion event whose clip has not arrived,
 * the gateway holding its commune is asked to send that event's media ahead of its bulk queue. Asked
 * at most once a minute per event, so a page refreshing every few seconds does not repeat it.
 */
@Component
class MediaRequests {

    static final long EVERY_NANOS = 60_000_000_000L;
    private static final int REMEMBERED = 1000;

    private final MediaRepository media;
    private final GatewayControls gateways;
    private final Map<UUID, Long> asked = new ConcurrentHashMap<>();

    MediaRequests(MediaRepository media, GatewayControls gateways) {
        this.media = media;
        this.gateways = gateways;
    }

    /** The event's media as the page shows it; a missing clip is asked for. */
    List<MediaView> forEvent(CommuneScope scope, UUID eventId) {
        List<MediaView> found = media.forEvent(scope, eventId);
        if (found.stream().noneMatch(m -> m.kind() == MediaKind.CLIP)) {
            media.communeOfMotion(scope, eventId).ifPresent(commune -> ask(commune, eventId));
        }
        return found;
    }

    private void ask(String commune, UUID eventId) {
        long now = System.nanoTime();
        Long last = asked.get(eventId);
        if (last != null && now - last < EVERY_NANOS) {
            return;
        }
        if (asked.size() > REMEMBERED) {
            asked.clear();
        }
        asked.put(eventId, now);
        try {
            gateways.forCommune(commune).mediaWanted(eventId);
        } catch (GatewayUnavailableException e) {
            // its link is down: the clip comes when the link returns, in its turn
        }
    }
}
