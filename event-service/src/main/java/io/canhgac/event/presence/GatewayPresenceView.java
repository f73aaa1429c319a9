package io.canhgac.event.presence;

import io.canhgac.contract.link.GatewayStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One gateway on {@code GET /api/gateways/status}.
 *
 * @param connectedSince when its link to this node came up; null when it has none
 * @param lastContact    the latest of its link's last message, its last request and last_seen_at; null if never
 * @param remoteAddress  where its link comes from; null without a link
 * @param version        what it said of itself on its link; null without one
 * @param outbox         its last status report's outbox; null without a link or before its first report
 * @param media          the same for its media queue
 * @param cameras        what the registry gives it to pull, and what it says it pulls
 */
record GatewayPresenceView(UUID id, String name, boolean enabled, List<Commune> communes, GatewayState state,
                           boolean connected, Instant connectedSince, Instant lastContact, String remoteAddress,
                           String version, Instant reportedAt, Outbox outbox, Media media, Cameras cameras) {

    record Commune(String id, String name) {
    }

    record Outbox(long events, long bytes, Instant oldestPending, long dropped, boolean alarm) {
        static Outbox of(GatewayStatus s) {
            return s == null ? null : new Outbox(s.outboxEvents(), s.outboxBytes(), s.oldestPending(), s.droppedEvents(), s.outboxAlarm());
        }
    }

    record Media(int pending, long bytes, long dropped) {
        static Media of(GatewayStatus s) {
            return s == null ? null : new Media(s.mediaPending(), s.mediaBytes(), s.mediaDropped());
        }
    }

    /** @param pulling as the gateway last reported; null without a report */
    record Cameras(int registered, Integer pulling) {
    }
}
