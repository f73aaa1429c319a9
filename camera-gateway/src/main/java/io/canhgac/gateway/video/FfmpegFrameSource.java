package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.time.Duration;
import java.time.Instant;

/**
 * Pulls an RTSP stream over TCP with FFmpeg and hands out the decoder's own Y plane: one decoding
 * thread, no pixel conversion, short probing so a camera opens in about half a second. The
 * {@link RtspDemuxer} reads packets; we decode them ourselves ({@link VideoDecoder}) so that the same
 * read also gives the camera's compressed packets to a {@link PacketTap} (stats, pre-roll, clips).
 */
public final class FfmpegFrameSource implements FrameSource {

    private final String url;
    private final Duration ioTimeout;
    private final PacketTap tap;
    private RtspDemuxer demuxer;
    private VideoDecoder decoder;
    private long lastFrameNanos;

    /** @param ioTimeout how long a connect or a read may wait for data before the stream counts as stalled */
    public FfmpegFrameSource(String url, Duration ioTimeout) {
        this(url, ioTimeout, PacketTap.NONE);
    }

    public FfmpegFrameSource(String url, Duration ioTimeout, PacketTap tap) {
        this.url = url;
        this.ioTimeout = ioTimeout;
        this.tap = tap;
    }

    @Override
    public void open() throws StreamException {
        RtspDemuxer d = RtspDemuxer.open(url, ioTimeout);
        try {
            decoder = VideoDecoder.open(d.video());
        } catch (RuntimeException e) {
            d.close();
            throw new StreamException(StreamFailure.BAD_STREAM, "cannot decode " + d.redacted() + ": " + e.getMessage(), e);
        }
        demuxer = d;
        lastFrameNanos = System.nanoTime();
        tap.opened(StreamParameters.of(d.video()));
    }

    @Override
    public LumaFrame next() throws StreamException {
        if (demuxer == null) {
            throw new IllegalStateException("not open");
        }
        while (true) {
            // one packet may hold no picture yet, or (rarely) a decoder may give two: ask it first
            LumaFrame frame = decoder.receive();
            if (frame != null) {
                lastFrameNanos = System.nanoTime();
                return frame;
            }
            AVPacket packet = demuxer.read();
            if (packet == null) {
                // FFmpeg reports a timeout interrupt and a closed connection alike: tell them apart by the clock
                boolean stalled = System.nanoTime() - lastFrameNanos >= ioTimeout.toNanos() * 9 / 10;
                StreamFailure kind = stalled ? StreamFailure.TIMEOUT : StreamFailure.ENDED;
                throw new StreamException(kind, (stalled ? "no picture for " + ioTimeout.toMillis() + " ms from " : "stream closed by ")
                        + demuxer.redacted() + ": " + kind.explanation());
            }
            tap.packet(new VideoPacket(RtspDemuxer.bytes(packet), packet.pts(), packet.dts(), RtspDemuxer.keyframe(packet), Instant.now()));
            decoder.send(packet); // a corrupt packet is skipped, as FFmpeg's own players do
        }
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (demuxer != null) {
            demuxer.close();
            demuxer = null;
            tap.closed();
        }
    }
}
