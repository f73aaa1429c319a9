package io.canhgac.simulator.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay standing for one commune's WAN link to the operations centre: every
 * connection accepted on its address is forwarded to the target, through conditions an operator or
 * a test changes at run time (cut, rate caps, delay and jitter, stalls). A change is in force for
 * every connection when its method returns. Everything runs on one event loop.
 */
public final class LinkRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkRelay.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final RecvByteBufAllocator READ_SIZES = new AdaptiveRecvByteBufAllocator(64, 2048, Forwarder.MAX_READ_BYTES);

    private final String name;
    private final LinkState state;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Channel listener;
    private volatile boolean closed;
    private ScheduledFuture<?> recurringStalls;
    private LinkConditions stallsInstalled = LinkConditions.PERFECT;

    private LinkRelay(String name, InetSocketAddress listen, InetSocketAddress target) throws InterruptedException {
        this.name = name;
        this.state = new LinkState(target);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("link-" + name, true));
        this.loop = group.next();
        try {
            listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.AUTO_READ, false) // each side reads only while the other can take it
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_SIZES)
                    .childHandler(new LinkRelayInitializer(state))
                    .bind(listen).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        log.info("link {} relays {} to {}", name, address(), target);
    }

    /** A relay on a free port of 127.0.0.1. */
    public static LinkRelay start(String name, InetSocketAddress target) throws InterruptedException {
        return start(name, new InetSocketAddress("127.0.0.1", 0), target);
    }

    /**
     * @param name   a commune id such as {@code que-loc}: {@code [a-z0-9-]{1,64}}
     * @param listen a loopback address; port 0 takes a free one
     * @param target a loopback address
     */
    public static LinkRelay start(String name, InetSocketAddress listen, InetSocketAddress target) throws InterruptedException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a link's name is 1 to 64 of a-z, 0-9 and '-', not '" + name + "'");
        }
        requireLoopback("listen", listen);
        requireLoopback("target", target);
        if (target.getPort() == 0) {
            throw new IllegalArgumentException("a link's target needs a port: " + target);
        }
        return new LinkRelay(name, listen, target);
    }

    public String name() {
        return name;
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public InetSocketAddress target() {
        return state.target();
    }

    public LinkConditions conditions() {
        return state.conditions();
    }

    public LinkFigures figures() {
        return state.counters().figures();
    }

    /** A one-off or recurring stall is holding bytes now. */
    public boolean stalled() {
        return state.shaper().stalled(System.nanoTime());
    }

    public void resetCounters() {
        state.counters().reset();
    }

    /** A black hole both ways; connections that lose bytes now are reset at {@link #restore}. */
    public void cut() {
        change(c -> c.withCut(true));
    }

    /** Forwarding resumes; every connection that lost bytes while cut is reset on both sides. */
    public void restore() {
        change(c -> c.withCut(false));
    }

    /** Caps in bits per second shared by all connections; 0 = unlimited. */
    public void rate(long upBitsPerSecond, long downBitsPerSecond) {
        change(c -> c.withRate(upBitsPerSecond, downBitsPerSecond));
    }

    /** Each chunk is held delay + uniform 0..jitter ms, each direction kept in order. */
    public void delay(long millis, long jitterMillis) {
        change(c -> c.withDelay(millis, jitterMillis));
    }

    /** Holds everything for a while without loss: bytes wait in the relay, within its bound. */
    public void stall(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a stall must not be negative, was " + millis + " ms");
        }
        onLoop(() -> state.shaper().stallFor(millis, System.nanoTime()));
    }

    /** A stall of forMillis every everyMillis, the first at once; 0 switches them off. */
    public void stalls(long everyMillis, long forMillis) {
        change(c -> c.withStalls(everyMillis, forMillis));
    }

    /** A perfect link again: restored, uncapped, undelayed, unstalled. */
    public void clear() {
        state.conditionsRef().set(LinkConditions.PERFECT);
        onLoop(() -> {
            state.shaper().endStall(System.nanoTime());
            apply();
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close().syncUninterruptibly();
        loop.submit(() -> state.connections().forEach(RelayedConnection::close)).awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    static RecvByteBufAllocator readSizes() {
        return READ_SIZES;
    }

    private void change(UnaryOperator<LinkConditions> change) {
        LinkConditions now = state.conditionsRef().updateAndGet(change);
        log.debug("link {}: {}", name, now);
        onLoop(this::apply);
    }

    /** Waits, so that what a caller sends next already meets the new conditions. */
    private void onLoop(Runnable task) {
        if (closed) {
            throw new IllegalStateException("link " + name + " is closed");
        }
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.submit(task).syncUninterruptibly();
        }
    }

    private void apply() {
        LinkConditions conditions = state.conditions();
        state.shaper().configure(conditions, System.nanoTime());
        installStalls(conditions);
        for (RelayedConnection connection : state.connections()) {
            connection.conditionsChanged(conditions);
        }
    }

    private void installStalls(LinkConditions conditions) {
        if (conditions.stallEveryMillis() == stallsInstalled.stallEveryMillis()
                && conditions.stallForMillis() == stallsInstalled.stallForMillis()) {
            return;
        }
        if (recurringStalls != null) {
            recurringStalls.cancel(false);
            recurringStalls = null;
        }
        stallsInstalled = conditions;
        long forMillis = conditions.stallForMillis();
        if (conditions.stallEveryMillis() > 0) {
            recurringStalls = loop.scheduleAtFixedRate(() -> state.shaper().stallFor(forMillis, System.nanoTime()),
                    0, conditions.stallEveryMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void requireLoopback(String role, InetSocketAddress address) {
        if (address == null || address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("a link relays on loopback only; " + role + " address " + address + " is not");
        }
    }

    @Override
    public String toString() {
        return "link " + name + " " + address() + " -> " + target();
    }
}
