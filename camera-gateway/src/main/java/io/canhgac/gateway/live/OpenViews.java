package io.canhgac.gateway.live;

import io.netty.channel.Channel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The live views open now, by the person their ticket names: so that a person's can be closed at once. */
final class OpenViews {

    private final Map<String, Set<Channel>> byUser = new ConcurrentHashMap<>();

    void opened(String user, Channel channel) {
        byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(channel);
        // closed by whichever side: forgotten without the handler having to remember to
        channel.closeFuture().addListener(f -> closed(user, channel));
    }

    private void closed(String user, Channel channel) {
        byUser.computeIfPresent(user, (u, channels) -> {
            channels.remove(channel);
            return channels.isEmpty() ? null : channels;
        });
    }

    /** The person's views open now. */
    int count(String user) {
        Set<Channel> channels = byUser.get(user);
        return channels == null ? 0 : channels.size();
    }

    /** Closes every view of the person with {@code why}; returns how many there were. */
    int close(String user, LiveRefusal why) {
        Set<Channel> channels = byUser.remove(user);
        if (channels == null) {
            return 0;
        }
        channels.forEach(channel -> WebSocketViewer.close(channel, why));
        return channels.size();
    }
}
