package io.canhgac.simulator.rtsp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;

/**
 * One camera's RTSP listener. Stopping it closes the port and every connection, as a camera that
 * loses power does; starting it again binds the same address.
 */
public final class RtspServer {

    private final EventLoopGroup group;
    private final String cameraName;
    private final StreamCatalog streams;
    private final RtspDigestAuth auth;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private InetSocketAddress address;
    private Channel listener;

    /** @param auth digest authentication, or null for a camera that asks for none */
    public RtspServer(EventLoopGroup group, InetSocketAddress address, String cameraName, StreamCatalog streams,
                      RtspDigestAuth auth) {
        this.group = group;
        this.address = address;
        this.cameraName = cameraName;
        this.streams = streams;
        this.auth = auth;
    }

    public synchronized void start() throws InterruptedException {
        if (listener != null) {
            return;
        }
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RtspServerInitializer(cameraName, streams, connections, auth))
                .bind(address).sync().channel();
        address = (InetSocketAddress) listener.localAddress(); // keep the port if it was ephemeral
    }

    public synchronized void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        connections.close().syncUninterruptibly();
    }

    /** Drops every open connection but keeps listening, as a camera whose encoder restarts. */
    public void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    public synchronized boolean isRunning() {
        return listener != null;
    }

    public synchronized InetSocketAddress address() {
        return address;
    }
}
