package io.canhgac.event.presence;

import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.link.LinkState;

import java.time.Duration;
import java.time.Instant;

/**
 * What the centre knows of one gateway at one moment.
 *
 * @param link        its open link to this node; null when it has none here
 * @param lastContact the latest of its link's last message, its last request and last_seen_at; null if never
 * @param watched     whether its silence raises an alert: it holds communes, or its link came up since the
 *                    centre started (a gateway holding nothing that never connected is not expected to)
 */
record GatewaySighting(Gateway gateway, LinkState link, Instant lastContact, boolean watched) {

    boolean connected() {
        return link != null;
    }

    GatewayState state(Instant now, Duration silentAfter) {
        if (!gateway.enabled()) {
            return GatewayState.REVOKED;
        }
        if (connected()) {
            return GatewayState.CONNECTED;
        }
        if (lastContact == null) {
            return GatewayState.NEVER_SEEN;
        }
        return heardWithin(now, silentAfter, lastContact) ? GatewayState.REACHABLE : GatewayState.SILENT;
    }

    /**
     * Whether GATEWAY_SILENT is due: watched, enabled, no link, and nothing heard for longer than
     * {@code silentAfter} counted from its last contact or, if later, from the centre's start (a centre
     * restarted in the middle of a commune's outage still alerts, after the gateway had its chance to
     * dial in again) or the gateway's registration (a new one has that long to dial in first).
     */
    boolean silent(Instant now, Duration silentAfter, Instant centreStarted) {
        if (!watched || !gateway.enabled() || connected()) {
            return false;
        }
        Instant reference = latest(latest(lastContact, centreStarted), gateway.createdAt());
        return !heardWithin(now, silentAfter, reference);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static boolean heardWithin(Instant now, Duration window, Instant at) {
        return !at.plus(window).isBefore(now);
    }
}
