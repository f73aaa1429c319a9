package io.canhgac.simulator.rtsp;

import io.netty.channel.Channel;

/** One client's playing session on a stream: where to send and whether it still waits for a keyframe. */
final class RtspSession {

    private final String id;
    private final Channel channel;
    private final int rtpChannel;
    private volatile boolean waitingForKeyframe = true;

    RtspSession(String id, Channel channel, int rtpChannel) {
        this.id = id;
        this.channel = channel;
        this.rtpChannel = rtpChannel;
    }

    String id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    int rtpChannel() {
        return rtpChannel;
    }

    boolean waitingForKeyframe() {
        return waitingForKeyframe;
    }

    void waitForKeyframe(boolean waiting) {
        this.waitingForKeyframe = waiting;
    }
}
