package io.canhgac.event.alert;

import io.canhgac.event.db.NotificationHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Follows the feed for this node's streams: on each NOTIFY (which names the newest seq) it reads the
 * entries after the last it read, so a lost notification or a reconnect loses nothing, and hands
 * them to the broadcaster in seq order.
 */
@Component
class AlertFeedReader implements NotificationHandler {

    private static final int BATCH = 1000;

    private final AlertFeed feed;
    private final FeedMessages messages;
    private final AlertBroadcaster broadcaster;
    /** The last seq read; -1 until the first connection, which starts from the head. */
    private long lastRead = -1;

    AlertFeedReader(AlertFeed feed, FeedMessages messages, AlertBroadcaster broadcaster) {
        this.feed = feed;
        this.messages = messages;
        this.broadcaster = broadcaster;
    }

    @Override
    public String channel() {
        return AlertFeed.CHANNEL;
    }

    @Override
    public void notified(String payload) {
        if (Long.parseLong(payload) > lastRead) {
            catchUp();
        }
    }

    @Override
    public void resumed() {
        if (lastRead < 0) {
            lastRead = feed.head();
        }
        catchUp();
    }

    /** Called on the notification thread only. */
    private void catchUp() {
        List<AlertFeed.Entry> entries;
        do {
            entries = feed.after(lastRead, BATCH);
            if (!entries.isEmpty()) {
                if (broadcaster.connections() > 0) { // a node nobody watches through skips reading the rows
                    broadcaster.deliver(messages.of(entries));
                }
                lastRead = entries.get(entries.size() - 1).seq();
            }
        } while (entries.size() == BATCH);
    }
}
