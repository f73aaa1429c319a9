package io.canhgac.gateway.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.WriteBufferWaterMark;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A live-view server (a gateway's own, or the centre's for every commune): {@code ws://host:port/live/<cameraId>/<sub|main>?ticket=…}
 * streams fragmented MP4 for Media Source Extensions (one JSON text frame with the MIME type, the
 * init segment, then one fragment per picture), and {@code GET /snapshot/<cameraId>/<sub|main>?ticket=…}
 * answers a current JPEG. Tickets come from the event-service ({@code LiveTicketIssuer}).
 */
public final class LiveViewServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final LiveStreams streams;
    private final SnapshotService snapshots;
    private final TicketVerifier tickets;
    private final OpenViews open;

    private LiveViewServer(EventLoopGroup boss, EventLoopGroup workers, Channel server, LiveStreams streams, SnapshotService snapshots,
                           TicketVerifier tickets, OpenViews open) {
        this.tickets = tickets;
        this.open = open;
        this.boss = boss;
        this.workers = workers;
        this.server = server;
        this.streams = streams;
        this.snapshots = snapshots;
    }

    /** Listens on 127.0.0.1 (the district server's reverse proxy or the gateway host fronts it). */
    public static LiveViewServer start(int port, CameraStreams cameras, TicketVerifier tickets) throws InterruptedException {
        return start(new InetSocketAddress("127.0.0.1", port), cameras, tickets, LiveSettings.DEFAULTS, f -> { });
    }

    /** @param tap sees every fragment as it is made: for benchmarks and statistics, must not block */
    public static LiveViewServer start(InetSocketAddress address, CameraStreams cameras, TicketVerifier tickets,
                                       LiveSettings settings, Consumer<LiveFragment> tap) throws InterruptedException {
        return start(address, LiveSources.rtsp(cameras, settings.ioTimeout()), tickets, settings, tap);
    }

    /**
     * Serves whatever {@code sources} reach: a gateway's own cameras, or at the centre each commune's
     * cameras through its gateway's link. One pull per watched stream either way.
     *
     * @param tap sees every fragment as it is made: for benchmarks and statistics, must not block
     */
    public static LiveViewServer start(InetSocketAddress address, LiveSources sources, TicketVerifier tickets,
                                       LiveSettings settings, Consumer<LiveFragment> tap) throws InterruptedException {
        return start(address, sources, PlaybackSources.none(), tickets, settings, tap);
    }

    /**
     * Also plays back recordings ({@code /live/playback/…}, one session per viewer) from {@code recordings}:
     * the centre's server, whose commune gateways record.
     */
    public static LiveViewServer start(InetSocketAddress address, LiveSources sources, PlaybackSources recordings,
                                       TicketVerifier tickets, LiveSettings settings, Consumer<LiveFragment> tap)
            throws InterruptedException {
        LiveStreams streams = new LiveStreams(sources, settings, tap);
        return start(address, streams, new SnapshotService(sources, settings, streams::latestKeyframe), tickets, settings,
                recordings);
    }

    static LiveViewServer start(InetSocketAddress address, LiveStreams streams, SnapshotService snapshots,
                                TicketVerifier tickets, LiveSettings settings) throws InterruptedException {
        return start(address, streams, snapshots, tickets, settings, PlaybackSources.none());
    }

    private static LiveViewServer start(InetSocketAddress address, LiveStreams streams, SnapshotService snapshots,
                                        TicketVerifier tickets, LiveSettings settings, PlaybackSources recordings)
            throws InterruptedException {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2); // writing shared buffers to sockets: two threads carry hundreds of viewers
        OpenViews open = new OpenViews();
        try {
            Channel server = new ServerBootstrap().group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                    .childHandler(new LiveViewInitializer(streams, snapshots, tickets, settings, open, recordings))
                    .bind(address).sync().channel();
            return new LiveViewServer(boss, workers, server, streams, snapshots, tickets, open);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            streams.close();
            snapshots.close();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Camera streams being pulled right now (watched, or in their linger time). */
    public int runningPulls() {
        return streams.runningPulls();
    }

    /**
     * The person's access was withdrawn: their open views close now (code 4430) and the tickets they
     * hold, those expiring by {@code ticketsExpiringBy}, open nothing more. Returns the views closed.
     */
    public int endViewsOf(String user, Instant ticketsExpiringBy) {
        tickets.withdraw(user, ticketsExpiringBy);
        return open.close(user, LiveRefusal.ACCESS_WITHDRAWN);
    }

    /** The live views the person has open now. */
    public int openViewsOf(String user) {
        return open.count(user);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        streams.close();
        snapshots.close();
        boss.shutdownGracefully();
        workers.shutdownGracefully();
    }
}
