package io.canhgac.simulator.onvif;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One camera's WS-Discovery side (SOAP over UDP): announces Hello when started and Bye when
 * stopped, and answers Probes that match it — multicast ones on 239.255.255.250:3702 and unicast
 * ones sent straight to its own address, port 3702, as a technician sweeping a subnet sends them.
 * Each camera has its own sockets, so a district of cameras can share the group on one machine and
 * each answers for itself with its own XAddrs; for unicast sweeps each needs its own loopback
 * address (127.0.0.11, 127.0.0.12, …).
 *
 * <p>Multicast goes out on the configured loopback interface only (IP_MULTICAST_IF, TTL 1) and
 * only loopback searchers are answered.
 */
public final class WsDiscoveryResponder {

    private final EventLoopGroup group;
    private final OnvifDeviceServer server;
    private final WsDiscoveryConfig config;
    private Channel unicast;
    private Channel multicast;
    private WsDiscoveryMessages messages;
    private DiscoveryEndpoint endpoint;
    private long lastInstanceId;

    public WsDiscoveryResponder(EventLoopGroup group, OnvifDeviceServer server, WsDiscoveryConfig config) {
        this.group = group;
        this.server = server;
        this.config = config;
    }

    /** Binds the two sockets, joins the group on the loopback interface and multicasts Hello. */
    public synchronized void start() throws InterruptedException, SocketException {
        if (unicast != null) {
            return;
        }
        NetworkInterface nif = config.loopbackInterface();
        InetAddress deviceAddress = server.address().getAddress();
        DeviceIdentity identity = server.device().identity();
        endpoint = new DiscoveryEndpoint(identity.endpointReference(), identity.scopes(server.device().hasPtz()), server.deviceServiceUrl());
        // InstanceId must grow across restarts so searchers drop stale messages; seconds, bumped if restarted within one.
        lastInstanceId = Math.max(lastInstanceId + 1, server.device().clock().millis() / 1000);
        messages = new WsDiscoveryMessages(endpoint, lastInstanceId);
        try {
            unicast = bootstrap(nif, Duration.ZERO, null)
                    .bind(new InetSocketAddress(deviceAddress, config.port())).sync().channel();
            Channel replyFrom = unicast;
            multicast = bootstrap(nif, config.maxReplyDelay(), replyFrom)
                    .bind(new InetSocketAddress(config.multicastGroup(), config.port())).sync().channel();
            ((NioDatagramChannel) multicast).joinGroup(new InetSocketAddress(config.multicastGroup(), config.port()), nif).sync();
        } catch (InterruptedException | RuntimeException e) {
            closeChannels();
            throw e;
        }
        send(messages.hello()).sync();
    }

    /** Multicasts Bye, then closes both sockets. */
    public synchronized void stop() {
        if (unicast == null) {
            return;
        }
        send(messages.bye()).awaitUninterruptibly(1000);
        closeChannels();
    }

    public synchronized boolean isRunning() {
        return unicast != null;
    }

    /** The URN searchers know this camera by. */
    public String endpointReference() {
        return server.device().identity().endpointReference();
    }

    private Bootstrap bootstrap(NetworkInterface nif, Duration maxDelay, Channel replyFrom) {
        return new Bootstrap()
                .group(group)
                .channelFactory(() -> new NioDatagramChannel(InternetProtocolFamily.IPv4))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.IP_MULTICAST_IF, nif)
                .option(ChannelOption.IP_MULTICAST_TTL, 1)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .handler(new WsDiscoveryHandler(() -> endpoint, () -> messages,
                        replyFrom == null ? null : () -> replyFrom, maxDelay));
    }

    private ChannelFuture send(String message) {
        return unicast.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8),
                new InetSocketAddress(config.multicastGroup(), config.port())));
    }

    private void closeChannels() {
        if (multicast != null) {
            multicast.close().syncUninterruptibly();
            multicast = null;
        }
        if (unicast != null) {
            unicast.close().syncUninterruptibly();
            unicast = null;
        }
    }
}
