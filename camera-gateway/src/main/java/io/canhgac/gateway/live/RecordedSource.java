package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.time.Instant;

/**
 * A recording's packets on their way to the live path's muxing, watched for what the player needs
 * besides the video: the instant of the first picture (its fragments count from 0, so the page maps
 * the video's time to the wall clock: {@code {"type":"start","at":…}}), and whether the stream ended
 * because the recording did.
 */
final class RecordedSource implements PacketSource {

    private static final long TICKS_PER_SECOND = 90_000;

    private final PacketSource recording;
    private final Channel channel;
    private boolean started;
    private volatile boolean ended;

    RecordedSource(PacketSource recording, Channel channel) {
        this.recording = recording;
        this.channel = channel;
    }

    @Override
    public StreamInfo open() throws StreamException {
        return watch(recording::open);
    }

    @Override
    public VideoPacket next() throws StreamException {
        VideoPacket p = watch(recording::next);
        if (!started && p.keyframe() && p.dts() != Long.MIN_VALUE) {
            // the pull publishes from the first keyframe on: this is the picture at the video's time 0
            started = true;
            channel.writeAndFlush(new TextWebSocketFrame("{\"type\":\"start\",\"at\":\"" + instant(p.dts()) + "\"}"));
        }
        return p;
    }

    /** True once the recording's end (or nothing recorded from the instant asked) ended the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        recording.close();
    }

    static Instant instant(long ticks) {
        return Instant.ofEpochSecond(Math.floorDiv(ticks, TICKS_PER_SECOND),
                Math.floorMod(ticks, TICKS_PER_SECOND) * 1_000_000_000L / TICKS_PER_SECOND);
    }

    private interface Read<T> {
        T get() throws StreamException;
    }

    private <T> T watch(Read<T> read) throws StreamException {
        try {
            return read.get();
        } catch (StreamException e) {
            ended |= e.failure() == StreamFailure.ENDED;
            throw e;
        }
    }
}
