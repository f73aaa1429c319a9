package io.canhgac.gateway.live;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.Optional;

/**
 * A viewer's request, {@code /<kind>/<cameraId>/<sub|main>?ticket=…}, taken apart; a recording's
 * playback is {@code /live/playback/<cameraId>/<sub|main>?ticket=…&from=…&speed=…} (kind "playback").
 */
record LiveRequest(String kind, StreamKey key, String ticket) {

    static final String LIVE = "live";
    static final String SNAPSHOT = "snapshot";
    static final String PLAYBACK = "playback";

    static Optional<LiveRequest> parse(String uri) {
        QueryStringDecoder q = new QueryStringDecoder(uri);
        String[] parts = q.path().split("/", -1);
        if (parts.length == 5 && parts[1].equals(LIVE) && parts[2].equals(PLAYBACK)) {
            parts = new String[] {"", PLAYBACK, parts[3], parts[4]};
        } else if (parts.length == 4 && parts[1].equals(PLAYBACK)) {
            return Optional.empty(); // playback is reached under /live only, where the WebSocket upgrade is
        }
        if (parts.length != 4 || !parts[0].isEmpty() || parts[2].isEmpty()
                || !(parts[1].equals(LIVE) || parts[1].equals(SNAPSHOT) || parts[1].equals(PLAYBACK))) {
            return Optional.empty();
        }
        Optional<LiveStream> stream = LiveStream.fromPath(parts[3]);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        List<String> tickets = q.parameters().get("ticket");
        String ticket = tickets == null || tickets.isEmpty() ? null : tickets.get(0);
        return Optional.of(new LiveRequest(parts[1], new StreamKey(parts[2], stream.get()), ticket));
    }
}
