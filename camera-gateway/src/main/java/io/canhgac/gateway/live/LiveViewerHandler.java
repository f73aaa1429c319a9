package io.canhgac.gateway.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * After the WebSocket handshake: checks the ticket, then joins the viewer to its stream's pull
 * (or closes with the reason), and leaves when the channel closes. Viewers send nothing we need.
 */
final class LiveViewerHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(LiveViewerHandler.class);

    private final LiveStreams streams;
    private final TicketVerifier tickets;
    private final LiveSettings settings;
    private final OpenViews open;
    private StreamKey joined;
    private WebSocketViewer viewer;

    LiveViewerHandler(LiveStreams streams, TicketVerifier tickets, LiveSettings settings, OpenViews open) {
        this.streams = streams;
        this.tickets = tickets;
        this.settings = settings;
        this.open = open;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete handshake) {
            Optional<LiveRequest> request = LiveRequest.parse(handshake.requestUri());
            if (request.isPresent() && request.get().kind().equals(LiveRequest.PLAYBACK)) {
                super.userEventTriggered(ctx, evt); // a recording, not the live stream: the playback handler's
                return;
            }
            if (request.isEmpty() || !request.get().kind().equals(LiveRequest.LIVE)) {
                WebSocketViewer.close(ctx.channel(), LiveRefusal.BAD_PATH);
                return;
            }
            StreamKey key = request.get().key();
            TicketVerifier.Verdict verdict = tickets.verify(request.get().ticket(), key.cameraId(), key.stream());
            if (!verdict.allowed()) {
                log.info("live {} refused: {}", key, verdict.refusal());
                WebSocketViewer.close(ctx.channel(), verdict.refusal());
                return;
            }
            WebSocketViewer v = new WebSocketViewer(ctx.channel(), key, settings);
            if (!streams.join(key, v)) {
                WebSocketViewer.close(ctx.channel(), LiveRefusal.UNKNOWN_CAMERA);
                return;
            }
            joined = key;
            viewer = v;
            open.opened(verdict.ticket().user(), ctx.channel());
            log.info("live {}: viewer {} joined from {}", key, verdict.ticket().user(), ctx.channel().remoteAddress());
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // nothing to read from a viewer; pings and closes are answered by the protocol handler
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (joined != null) {
            streams.leave(joined, viewer);
            joined = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("live viewer {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
