package io.canhgac.gateway.live;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** The live server's pipeline, top to bottom. */
final class LiveViewInitializer extends ChannelInitializer<SocketChannel> {

    /** Viewers send only a request line and headers, and tiny control frames after that. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final LiveStreams streams;
    private final SnapshotService snapshots;
    private final TicketVerifier tickets;
    private final LiveSettings settings;
    private final OpenViews open;
    private final PlaybackSources recordings;

    LiveViewInitializer(LiveStreams streams, SnapshotService snapshots, TicketVerifier tickets, LiveSettings settings,
                        OpenViews open, PlaybackSources recordings) {
        this.open = open;
        this.recordings = recordings;
        this.streams = streams;
        this.snapshots = snapshots;
        this.tickets = tickets;
        this.settings = settings;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(new HttpServerCodec());
        p.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
        // upgrades on /live/… (and /live/playback/…): handshake here, then frames; other requests pass on to the snapshot handler
        p.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/live")
                .checkStartsWith(true)
                .maxFramePayloadLength(MAX_REQUEST_BYTES)
                .handshakeTimeoutMillis(5000)
                .build()));
        p.addLast(new SnapshotHandler(snapshots, tickets));
        p.addLast(new LiveViewerHandler(streams, tickets, settings, open));
        p.addLast(new PlaybackViewerHandler(recordings, tickets, settings, open));
    }
}
