package io.canhgac.event.link;

import io.canhgac.contract.link.GatewayStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A connected gateway's link as the centre sees it.
 *
 * @param lastHeard     the last message or frame from the gateway
 * @param remoteAddress where the connection came from (the commune's NAT, usually)
 * @param version       what the gateway said of itself; null before its hello
 * @param status        its last status report (outbox, media); null before the first
 */
public record LinkState(UUID gatewayId, String gatewayName, Instant connectedAt, Instant lastHeard, String remoteAddress,
                        String version, GatewayStatus status) {
}
