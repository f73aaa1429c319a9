package io.canhgac.event.publish;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an MQTT 3.1.1 broker on Netty's codec to receive publishes on loopback: CONNACK,
 * PUBACK for QoS 1, PINGRESP. It keeps what it was sent; it forwards nothing. It can stop and start
 * again on the same port, as a broker restart would look to the client.
 */
final class TestMqttBroker implements AutoCloseable {

    record Published(String topic, String payload, MqttQoS qos, String clientId) {
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<Published> received = new CopyOnWriteArrayList<>();
    private volatile Channel server;
    private volatile int port;
    private volatile boolean mute;
    private final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Listens, on the port it had before when restarted. While the broker is down the relay keeps
     * reconnecting to that port, and a connect to a closed loopback port can be given that very port
     * as its own (TCP self-connect) until it fails: so a taken port is tried again for up to 3 s.
     */
    TestMqttBroker start() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try {
                return bind();
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof java.net.BindException) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private TestMqttBroker bind() {
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            clients.add(ch);
                            ch.pipeline().addLast(new MqttDecoder(), MqttEncoder.INSTANCE, new Session());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) { // sync() rethrows the bind failure as it is, undeclared
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        port = ((InetSocketAddress) server.localAddress()).getPort();
        return this;
    }

    /** Closes the listening socket and every client connection: the broker is down. */
    void stop() {
        server.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
    }

    /** Muted, it takes TCP connections but never answers CONNECT: a broker that hangs rather than refuses. */
    void mute(boolean mute) {
        this.mute = mute;
    }

    /** CONNECTs left unanswered while muted. */
    int unanswered() {
        return unanswered.get();
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    List<Published> received() {
        return received;
    }

    @Override
    public void close() {
        stop();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Session extends SimpleChannelInboundHandler<MqttMessage> {
        private String clientId;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
            if (message.decoderResult().isFailure()) {
                ctx.close();
                return;
            }
            MqttMessageType type = message.fixedHeader().messageType();
            switch (type) {
                case CONNECT -> {
                    if (mute) {
                        unanswered.incrementAndGet();
                        return;
                    }
                    clientId = ((io.netty.handler.codec.mqtt.MqttConnectMessage) message).payload().clientIdentifier();
                    ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                            .sessionPresent(false).build());
                }
                case PUBLISH -> {
                    MqttPublishMessage publish = (MqttPublishMessage) message;
                    MqttQoS qos = publish.fixedHeader().qosLevel();
                    received.add(new Published(publish.variableHeader().topicName(),
                            new String(ByteBufUtil.getBytes(publish.payload()), StandardCharsets.UTF_8), qos, clientId));
                    if (qos == MqttQoS.AT_LEAST_ONCE) {
                        ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
                    }
                }
                case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                        new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
                case DISCONNECT -> ctx.close();
                default -> { }
            }
        }
    }
}
