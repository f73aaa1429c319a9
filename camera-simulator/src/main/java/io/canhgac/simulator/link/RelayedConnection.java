package io.canhgac.simulator.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * One client connection through a link and its own connection to the target. It loses bytes while
 * the link is cut; once it has, its stream is corrupt and the next restore resets both sides, as a
 * NAT that forgot it would. Used on the link's event loop only.
 */
final class RelayedConnection {

    private final LinkState link;
    private final Channel client;
    private Channel target;
    private boolean connecting;
    /** Lost bytes while the link was cut, or was accepted while it was: never forwarded again. */
    private boolean damaged;
    private Forwarder up;
    private Forwarder down;

    RelayedConnection(LinkState link, Channel client) {
        this.link = link;
        this.client = client;
    }

    void start() {
        link.opened(this);
        client.closeFuture().addListener(f -> closedSide());
        if (link.cut()) {
            damaged = true; // a black hole answers nothing, so the target never hears of it
            client.read();
            return;
        }
        connecting = true;
        ChannelFuture connect = new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.RCVBUF_ALLOCATOR, LinkRelay.readSizes())
                .handler(new ForwardingHandler(this, Direction.DOWN))
                .connect(link.target());
        connect.addListener(f -> connected(connect.channel(), f.isSuccess()));
    }

    private void connected(Channel channel, boolean success) {
        connecting = false;
        if (!success) {
            reset(client); // the target refused: the client learns as abruptly
            closedSide();
            return;
        }
        target = channel;
        target.closeFuture().addListener(f -> closedSide());
        if (!client.isActive()) {
            target.close();
            return;
        }
        up = new Forwarder(Direction.UP, link, client, target, this::blackHoled);
        down = new Forwarder(Direction.DOWN, link, target, client, this::blackHoled);
        up.readIfRoom();
        down.readIfRoom();
    }

    void received(Direction direction, ByteBuf bytes) {
        if (blackHoled()) {
            damaged = true;
            link.counters().dropped(bytes.readableBytes());
            bytes.release();
            (direction == Direction.UP ? client : target).read();
            return;
        }
        forwarder(direction).hold(bytes);
    }

    /** The channel that receives {@code direction}'s bytes can take more. */
    void writable(Direction direction) {
        if (up != null) {
            forwarder(direction).pump();
        }
    }

    /** The channel that reads {@code direction}'s bytes closed. */
    void ended(Direction direction) {
        if (up != null) {
            forwarder(direction).sourceEnded();
            forwarder(direction.opposite()).sinkGone();
        }
    }

    /** On the link's event loop after its conditions changed. */
    void conditionsChanged(LinkConditions conditions) {
        if (conditions.cut()) {
            if (up != null && up.dropWaiting() + down.dropWaiting() > 0) {
                damaged = true;
            }
        } else if (damaged) {
            abort();
        } else if (up != null) {
            up.pump();
            down.pump();
        }
    }

    /** One side was reset (or failed): the other learns as abruptly, and nothing held goes on. */
    void abort() {
        reset(client);
        if (target != null) {
            reset(target);
        }
    }

    void close() {
        client.close();
        if (target != null) {
            target.close();
        }
    }

    private boolean blackHoled() {
        return damaged || link.cut();
    }

    private Forwarder forwarder(Direction direction) {
        return direction == Direction.UP ? up : down;
    }

    /** Closes with an RST (SO_LINGER 0), not a FIN: the peer must not take a cut stream for a whole one. */
    private static void reset(Channel channel) {
        if (channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        }
    }

    private void closedSide() {
        if (!client.isOpen() && !connecting && (target == null || !target.isOpen())) {
            link.closed(this);
        }
    }
}
