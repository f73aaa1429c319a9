package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A camera stream without a network: H.264 (or another codec) at 100 pictures per second, a
 * keyframe every 10, the parameter sets in the stream headers; it can fail to open or break.
 */
final class ScriptedPacketSource implements PacketSource {

    static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x1E, (byte) 0xDA, 0x02, (byte) 0x80, (byte) 0xBF};
    static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};

    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private final Codec codec;
    private final boolean reachable;
    /** Break the connection after this many pictures on the first connection (0: never). */
    private final int breakAfter;
    private int sent;

    ScriptedPacketSource(Codec codec, boolean reachable, int breakAfter) {
        this.codec = codec;
        this.reachable = reachable;
        this.breakAfter = breakAfter;
    }

    static ScriptedPacketSource h264() {
        return new ScriptedPacketSource(Codec.H264, true, 0);
    }

    @Override
    public StreamInfo open() throws StreamException {
        opens.incrementAndGet();
        if (!reachable) {
            throw new StreamException(StreamFailure.REFUSED, "refused");
        }
        sent = 0;
        byte[] extradata = new byte[8 + SPS.length + PPS.length];
        extradata[3] = 1;
        System.arraycopy(SPS, 0, extradata, 4, SPS.length);
        extradata[4 + SPS.length + 3] = 1;
        System.arraycopy(PPS, 0, extradata, 8 + SPS.length, PPS.length);
        return new StreamInfo(codec, 640, 360, extradata);
    }

    @Override
    public VideoPacket next() throws StreamException {
        if (breakAfter > 0 && opens.get() == 1 && sent == breakAfter) {
            throw new StreamException(StreamFailure.ENDED, "closed by camera");
        }
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(StreamFailure.ENDED, "interrupted");
        }
        // every connection starts mid-GOP and its clock from 0, as a camera's RTP session would
        int n = sent++;
        boolean key = (n + 3) % 10 == 0;
        byte[] nal = {0, 0, 0, 1, (byte) (key ? 0x65 : 0x41), (byte) 0x88, (byte) n};
        return new VideoPacket(nal, 900L * n, 900L * n, key);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
