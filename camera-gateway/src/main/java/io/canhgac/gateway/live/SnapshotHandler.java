package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Plain HTTP on the live port: {@code GET /snapshot/<cameraId>/<sub|main>?ticket=…} answers a
 * current JPEG; anything else that is not a WebSocket upgrade gets a 404.
 */
final class SnapshotHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final SnapshotService snapshots;
    private final TicketVerifier tickets;

    SnapshotHandler(SnapshotService snapshots, TicketVerifier tickets) {
        this.snapshots = snapshots;
        this.tickets = tickets;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Optional<LiveRequest> parsed = LiveRequest.parse(request.uri());
        if (request.method() != HttpMethod.GET || parsed.isEmpty() || !parsed.get().kind().equals(LiveRequest.SNAPSHOT)) {
            respondText(ctx, HttpResponseStatus.NOT_FOUND, "use GET /snapshot/<cameraId>/<sub|main>?ticket=…", keepAlive);
            return;
        }
        StreamKey key = parsed.get().key();
        TicketVerifier.Verdict verdict = tickets.verify(parsed.get().ticket(), key.cameraId(), key.stream());
        if (!verdict.allowed()) {
            HttpResponseStatus status = verdict.refusal() == LiveRefusal.TICKET_MISSING
                    ? HttpResponseStatus.UNAUTHORIZED : HttpResponseStatus.FORBIDDEN;
            respondText(ctx, status, verdict.refusal().reason(), keepAlive);
            return;
        }
        Optional<CompletableFuture<byte[]>> jpeg = snapshots.jpeg(key);
        if (jpeg.isEmpty()) {
            respondText(ctx, HttpResponseStatus.NOT_FOUND, LiveRefusal.UNKNOWN_CAMERA.reason(), keepAlive);
            return;
        }
        jpeg.get().whenComplete((bytes, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                respondText(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, reason(failure), keepAlive);
                return;
            }
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/jpeg")
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
            send(ctx, response, keepAlive);
        }));
    }

    /** The message of what went wrong, out of the future's and the decoder's wrappers. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause instanceof IllegalStateException && cause.getCause() instanceof StreamException))) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static void respondText(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(String.valueOf(text), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        send(ctx, response, keepAlive);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
