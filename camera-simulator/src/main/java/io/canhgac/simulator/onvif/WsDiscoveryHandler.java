package io.canhgac.simulator.onvif;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers the Probes one socket receives with a ProbeMatches sent to the searcher, from the
 * device's own unicast socket so the answer's source address is the device's. Multicast probes are
 * answered after a random delay; unicast probes (a technician sweeping addresses) at once.
 * Anything else — Hellos, other devices' answers, garbage — is ignored: a UDP responder never faults.
 */
final class WsDiscoveryHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(WsDiscoveryHandler.class);

    private final SafeXmlParser parser = new SafeXmlParser();
    private final Supplier<DiscoveryEndpoint> endpoint;
    private final Supplier<WsDiscoveryMessages> messages;
    private final Supplier<Channel> replyChannel;
    private final Duration maxDelay;

    /**
     * @param replyChannel the channel to answer from, or null to answer from the receiving one
     * @param maxDelay     zero for a unicast socket
     */
    WsDiscoveryHandler(Supplier<DiscoveryEndpoint> endpoint, Supplier<WsDiscoveryMessages> messages,
                       Supplier<Channel> replyChannel, Duration maxDelay) {
        this.endpoint = endpoint;
        this.messages = messages;
        this.replyChannel = replyChannel;
        this.maxDelay = maxDelay;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress searcher = packet.sender();
        if (searcher == null || !searcher.getAddress().isLoopbackAddress()) {
            return; // the simulator answers loopback only, whatever reaches it
        }
        Optional<DiscoveryProbe> probe;
        try {
            probe = DiscoveryProbe.parse(parser, ByteBufUtil.getBytes(packet.content()));
        } catch (SoapFault f) {
            log.debug("Ignoring an unreadable datagram from {}: {}", searcher, f.reason());
            return;
        }
        if (probe.isEmpty() || !endpoint.get().matches(probe.get())) {
            return;
        }
        String answer = messages.get().probeMatches(probe.get().messageId());
        Channel out = replyChannel == null ? ctx.channel() : replyChannel.get();
        if (out == null || !out.isActive()) {
            return;
        }
        Runnable send = () -> out.writeAndFlush(new DatagramPacket(
                Unpooled.copiedBuffer(answer, StandardCharsets.UTF_8), searcher));
        long delayMillis = maxDelay.isZero() ? 0 : ThreadLocalRandom.current().nextLong(maxDelay.toMillis() + 1);
        if (delayMillis == 0) {
            send.run();
        } else {
            out.eventLoop().schedule(send, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("WS-Discovery socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
