package io.canhgac.simulator.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands what one side of a relayed connection reads, and its writability and end, to the connection. */
final class ForwardingHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ForwardingHandler.class);

    private final RelayedConnection connection;
    /** The direction of the bytes this side reads. */
    private final Direction reads;

    ForwardingHandler(RelayedConnection connection, Direction reads) {
        this.connection = connection;
        this.reads = reads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        connection.received(reads, (ByteBuf) msg);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            connection.writable(reads.opposite());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.ended(reads);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("relayed connection {} failed: {}", ctx.channel(), cause.toString());
        connection.abort();
    }
}
