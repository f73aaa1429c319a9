package io.canhgac.simulator.onvif;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Routes one connection's HTTP requests: SOAP POSTs to the dispatcher, GET of the snapshot behind
 * HTTP Digest. Reading pauses while a reply is pending (a long poll can take a minute), so a client
 * cannot pile requests up behind it.
 */
final class OnvifHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(OnvifHttpHandler.class);

    private final OnvifSoapDispatcher dispatcher;
    private final HttpDigestAuthenticator digest;
    private final MediaCatalog media;

    OnvifHttpHandler(OnvifSoapDispatcher dispatcher, HttpDigestAuthenticator digest, MediaCatalog media) {
        this.dispatcher = dispatcher;
        this.digest = digest;
        this.media = media;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            send(ctx, plain(HttpResponseStatus.BAD_REQUEST, "Bad request"), false);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (ServiceAddresses.isSoapPath(path)) {
            if (!HttpMethod.POST.equals(request.method())) {
                send(ctx, plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "SOAP endpoints take POST"), keepAlive);
                return;
            }
            byte[] body = ByteBufUtil.getBytes(request.content());
            ctx.channel().config().setAutoRead(false);
            dispatcher.dispatch(body, path, ctx.channel().closeFuture()).thenAccept(reply -> {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(reply.httpStatus()),
                        Unpooled.copiedBuffer(reply.xml(), StandardCharsets.UTF_8));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
                send(ctx, response, keepAlive);
                ctx.channel().config().setAutoRead(true);
            });
        } else if (path.equals(ServiceAddresses.SNAPSHOT_PATH) && HttpMethod.GET.equals(request.method())) {
            send(ctx, snapshot(request), keepAlive);
        } else {
            send(ctx, plain(HttpResponseStatus.NOT_FOUND, "No such resource"), keepAlive);
        }
    }

    private FullHttpResponse snapshot(FullHttpRequest request) {
        if (!digest.verify(request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            FullHttpResponse challenge = plain(HttpResponseStatus.UNAUTHORIZED, "Authentication required");
            challenge.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, digest.challenge());
            return challenge;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(media.snapshotJpeg()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/jpeg");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("ONVIF connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
