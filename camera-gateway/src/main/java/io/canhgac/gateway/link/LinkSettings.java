package io.canhgac.gateway.link;

import java.time.Duration;

/**
 * How a gateway keeps its control link to the centre.
 *
 * @param pingEvery        a WebSocket ping this often, so a link that died without a word (a black
 *                         hole: no FIN, no RST) is noticed
 * @param deadAfter        nothing heard for this long (not even a pong): the link is dead, dial again
 * @param statusEvery      the gateway's status (outbox, media) this often
 * @param reconnectInitial first wait before dialling again
 * @param reconnectMax     the cap of that wait: short, so the centre can reach the commune again
 *                         seconds after its link returns
 * @param handshakeTimeout how long opening the WebSocket may take
 * @param liveBacklogBytes live video queued towards the centre beyond which pictures are skipped to
 *                         the next keyframe: live video must never delay answers or crowd the link
 */
public record LinkSettings(Duration pingEvery, Duration deadAfter, Duration statusEvery, Duration reconnectInitial,
                           Duration reconnectMax, Duration handshakeTimeout, int liveBacklogBytes) {

    public static final LinkSettings DEFAULTS = new LinkSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), 512 * 1024);

    public LinkSettings {
        if (deadAfter.compareTo(pingEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("deadAfter must allow at least two pings, got " + deadAfter + " for pings every " + pingEvery);
        }
        if (liveBacklogBytes < 64 * 1024) {
            throw new IllegalArgumentException("liveBacklogBytes below 64 KiB cannot hold one keyframe");
        }
    }
}
