package io.canhgac.gateway.live;

import io.canhgac.contract.live.PlaybackTickets;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A viewer playing back a recording ({@code /live/playback/…}): checks the playback ticket, then
 * runs a pull of its own, since two viewers never watch the same instant at the same speed, through
 * the live path's muxing into the same fMP4 over the same WebSocket. Leaving stops the pull, which
 * closes the recording's session at the gateway. A seek or speed change is a new connection.
 */
final class PlaybackViewerHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(PlaybackViewerHandler.class);
    private static final Set<Integer> SPEEDS = Set.of(1, 2, 4, 8);

    private final PlaybackSources recordings;
    private final TicketVerifier tickets;
    private final LiveSettings settings;
    private final OpenViews open;
    private LivePull pull;
    private RecordedSource recorded;

    PlaybackViewerHandler(PlaybackSources recordings, TicketVerifier tickets, LiveSettings settings, OpenViews open) {
        this.recordings = recordings;
        this.tickets = tickets;
        this.settings = settings;
        this.open = open;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof HandshakeComplete handshake)) {
            super.userEventTriggered(ctx, evt);
            return;
        }
        Optional<LiveRequest> request = LiveRequest.parse(handshake.requestUri());
        if (request.isEmpty() || !request.get().kind().equals(LiveRequest.PLAYBACK)) {
            WebSocketViewer.close(ctx.channel(), LiveRefusal.BAD_PATH);
            return;
        }
        StreamKey key = request.get().key();
        TicketVerifier.Verdict verdict = tickets.verify(request.get().ticket(), key.cameraId(),
                PlaybackTickets.stream(key.stream().path()));
        if (!verdict.allowed()) {
            log.info("playback {} refused: {}", key, verdict.refusal());
            WebSocketViewer.close(ctx.channel(), verdict.refusal());
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(handshake.requestUri());
        Instant from;
        int speed;
        try {
            from = Instant.parse(first(query, "from"));
            speed = Integer.parseInt(first(query, "speed"));
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            WebSocketViewer.close(ctx.channel(), LiveRefusal.BAD_PLAYBACK);
            return;
        }
        if (!SPEEDS.contains(speed)) {
            WebSocketViewer.close(ctx.channel(), LiveRefusal.BAD_PLAYBACK);
            return;
        }
        Optional<PacketSource> source = recordings.playback(key.cameraId(), key.stream(), from, speed);
        if (source.isEmpty()) {
            WebSocketViewer.close(ctx.channel(), LiveRefusal.UNKNOWN_CAMERA);
            return;
        }
        recorded = new RecordedSource(source.get(), ctx.channel());
        PlaybackViewer viewer = new PlaybackViewer(new WebSocketViewer(ctx.channel(), key, settings), recorded);
        // one connection to the recording: its end is the end, not a reason to reconnect
        LiveSettings once = new LiveSettings(settings.ioTimeout(), settings.linger(), 1, settings.reconnectDelay(),
                settings.maxQueuedFragments(), settings.maxLagging(), settings.snapshotMaxAge());
        RecordedSource reader = recorded;
        pull = new LivePull(key, () -> reader, once, f -> { }, () -> { });
        pull.add(viewer);
        pull.start();
        open.opened(verdict.ticket().user(), ctx.channel());
        log.info("playback {} from {} x{}: viewer {} from {}", key, from, speed, verdict.ticket().user(), ctx.channel().remoteAddress());
    }

    private static String first(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // nothing to read from a viewer; pings and closes are answered by the protocol handler
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pull != null) {
            pull.stop();
            recorded.close(); // now, not at the pull's next packet: the gateway stops sending at once
            pull = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("playback viewer {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
