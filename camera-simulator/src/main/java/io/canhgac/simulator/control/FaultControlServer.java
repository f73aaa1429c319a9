package io.canhgac.simulator.control;

import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.link.LinkRelays;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;

import java.net.InetSocketAddress;

/**
 * The simulator's run-time control over HTTP on loopback: take a camera offline for N seconds,
 * reboot it, stall, freeze or cover its picture, change its password; cut, slow, delay or stall a
 * commune's WAN link. See {@link FaultControlHandler} for the routes.
 */
public final class FaultControlServer implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("fault-control"));
    /** Faults bind and close ports, which blocks: never on the I/O thread. */
    private final EventExecutorGroup blocking = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("fault-control-work"));
    private final Channel listener;

    private FaultControlServer(CameraSimulator simulator, LinkRelays relays, InetSocketAddress address) throws InterruptedException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("fault control listens on loopback only, not " + address);
        }
        LinkRoutes links = new LinkRoutes(relays);
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(4096))
                                .addLast(blocking, new FaultControlHandler(simulator, links));
                    }
                })
                .bind(address).sync().channel();
    }

    /** Without links: {@code GET /links} lists none. */
    public static FaultControlServer start(CameraSimulator simulator, InetSocketAddress address) throws InterruptedException {
        return start(simulator, new LinkRelays(), address);
    }

    /** @param relays the links the routes change; the caller keeps and closes them */
    public static FaultControlServer start(CameraSimulator simulator, LinkRelays relays, InetSocketAddress address)
            throws InterruptedException {
        return new FaultControlServer(simulator, relays, address);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        blocking.shutdownGracefully();
        group.shutdownGracefully();
    }
}
