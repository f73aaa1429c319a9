package io.canhgac.gateway.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A viewer on a WebSocket: a JSON line naming the MIME type, the init segment, then fragments from
 * a keyframe on. Its queue is the fragments written but not yet on the wire; when that reaches
 * the limit the viewer skips to the next keyframe, and if it lags for too long it is closed, so a
 * weak link never holds up the pull or the other viewers.
 */
final class WebSocketViewer implements LiveViewer {

    private final Channel channel;
    private final StreamKey key;
    private final LiveSettings settings;
    private final AtomicInteger queued = new AtomicInteger();
    private final ChannelFutureListener sent = f -> queued.decrementAndGet();
    // set before the viewer joins the pull's (copy-on-write, so publishing) list, then touched only by the pull thread
    private boolean started;
    private boolean waitingForKeyframe = true;
    private long laggingSinceNanos;
    private long skipped;

    private final LongSupplier nanoClock;

    WebSocketViewer(Channel channel, StreamKey key, LiveSettings settings) {
        this(channel, key, settings, System::nanoTime);
    }

    WebSocketViewer(Channel channel, StreamKey key, LiveSettings settings, LongSupplier nanoClock) {
        this.channel = channel;
        this.key = key;
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    @Override
    public void begin(AvcFormat format, byte[] initSegment) {
        String json = "{\"type\":\"init\",\"camera\":\"" + key.cameraId().replace("\"", "") + "\",\"stream\":\"" + key.stream().path()
                + "\",\"mime\":\"" + format.mimeType().replace("\"", "\\\"") + "\",\"width\":" + format.width()
                + ",\"height\":" + format.height() + "}";
        channel.write(new TextWebSocketFrame(json));
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(initSegment)));
        started = true;
        waitingForKeyframe = true;
    }

    @Override
    public void offer(LiveFragment fragment) {
        if (!started || !channel.isActive()) {
            return;
        }
        int inQueue = queued.get();
        if (inQueue >= settings.maxQueuedFragments()) {
            lagging();
            return;
        }
        if (waitingForKeyframe) {
            // a decoder can only start (or resume after a gap) at a keyframe; resume with room to spare
            if (!fragment.keyframe() || inQueue > settings.maxQueuedFragments() / 2) {
                if (laggingSinceNanos != 0) {
                    lagging();
                }
                return;
            }
            waitingForKeyframe = false;
            laggingSinceNanos = 0;
        }
        queued.incrementAndGet();
        // the bytes are shared by every viewer: wrapped, never copied
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(fragment.bytes()))).addListener(sent);
    }

    private void lagging() {
        skipped++;
        waitingForKeyframe = true;
        long now = nanoClock.getAsLong();
        if (laggingSinceNanos == 0) {
            laggingSinceNanos = now;
        } else if (now - laggingSinceNanos > settings.maxLagging().toNanos()) {
            end(LiveRefusal.TOO_SLOW);
        }
    }

    @Override
    public void end(LiveRefusal why) {
        started = false;
        close(channel, why);
    }

    /** Fragments dropped so far because the viewer lagged. */
    long skipped() {
        return skipped;
    }

    static void close(Channel channel, LiveRefusal why) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(why.code(), why.reason())).addListener(ChannelFutureListener.CLOSE);
            // a viewer that stopped reading never lets the close frame out: hang up regardless
            channel.eventLoop().schedule(() -> channel.close(), 2, TimeUnit.SECONDS);
        }
    }
}
