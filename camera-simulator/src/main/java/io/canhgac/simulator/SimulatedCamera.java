package io.canhgac.simulator;

import io.canhgac.simulator.rtsp.RtspServer;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.netty.channel.EventLoopGroup;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One virtual camera: its own RTSP address serving a substream ("sub") of its scene, and the faults
 * a technician meets on real cameras, switchable at run time.
 */
public final class SimulatedCamera {

    public static final String SUB_STREAM = "sub";

    private final String id;
    private final String name;
    private final StreamBroadcaster sub;
    private final RtspServer rtsp;
    private final EventLoopGroup group;

    SimulatedCamera(String id, String name, StreamBroadcaster sub, EventLoopGroup group, InetSocketAddress address) {
        this.id = id;
        this.name = name;
        this.sub = sub;
        this.group = group;
        this.rtsp = new RtspServer(group, address, name, stream -> SUB_STREAM.equals(stream) ? Optional.of(sub) : Optional.empty());
    }

    void start() throws InterruptedException {
        sub.start(group.next());
        rtsp.start();
    }

    void stop() {
        rtsp.stop();
        sub.stop();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String rtspUrl() {
        InetSocketAddress a = rtsp.address();
        return "rtsp://" + a.getHostString() + ":" + a.getPort() + "/" + SUB_STREAM;
    }

    public StreamBroadcaster subStream() {
        return sub;
    }

    /** Power loss: the port closes and every connection drops; connecting is refused until {@link #powerOn()}. */
    public void powerOff() {
        rtsp.stop();
    }

    public void powerOn() throws InterruptedException {
        sub.setSending(true);
        rtsp.start();
    }

    /** The stream stops mid-way while connections stay open (a hung encoder, a saturated link). */
    public void stall() {
        sub.setSending(false);
    }

    public void resume() {
        sub.setSending(true);
    }

    public boolean isPoweredOn() {
        return rtsp.isRunning();
    }
}
