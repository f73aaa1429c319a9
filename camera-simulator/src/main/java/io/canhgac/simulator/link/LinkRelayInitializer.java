package io.canhgac.simulator.link;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Each accepted client becomes a relayed connection, which then dials the target. */
final class LinkRelayInitializer extends ChannelInitializer<SocketChannel> {

    private final LinkState link;

    LinkRelayInitializer(LinkState link) {
        this.link = link;
    }

    @Override
    protected void initChannel(SocketChannel client) {
        RelayedConnection connection = new RelayedConnection(link, client);
        client.pipeline().addLast(new ForwardingHandler(connection, Direction.UP));
        connection.start();
    }
}
