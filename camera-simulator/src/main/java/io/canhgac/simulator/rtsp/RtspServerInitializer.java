package io.canhgac.simulator.rtsp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** The pipeline of one RTSP connection, read top-down. */
final class RtspServerInitializer extends ChannelInitializer<SocketChannel> {

    private final String cameraName;
    private final StreamCatalog streams;
    private final ChannelGroup connections;
    private final RtspDigestAuth auth;

    RtspServerInitializer(String cameraName, StreamCatalog streams, ChannelGroup connections, RtspDigestAuth auth) {
        this.cameraName = cameraName;
        this.streams = streams;
        this.connections = connections;
        this.auth = auth;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        ChannelPipeline p = ch.pipeline();
        // A client that sends neither requests nor RTCP for two session timeouts is gone.
        p.addLast(new ReadTimeoutHandler(2 * RtspServerHandler.SESSION_TIMEOUT_SECONDS));
        p.addLast(new RtspRequestDecoder());
        p.addLast(new RtspResponseEncoder());
        p.addLast(new RtspServerHandler(cameraName, streams, auth));
    }
}
