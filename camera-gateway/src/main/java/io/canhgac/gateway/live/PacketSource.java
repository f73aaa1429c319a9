package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;

/**
 * Compressed video packets of one camera stream, not decoded: read from the camera over RTSP, or
 * (at the centre) from a commune's gateway over its control link. Blocking: run it on a thread of its own.
 */
public interface PacketSource extends AutoCloseable {

    /** Connects and reads the stream headers. */
    StreamInfo open() throws StreamException;

    /** The next video packet; blocks until it arrives. Throws when the stream ends, stalls or breaks. */
    VideoPacket next() throws StreamException;

    @Override
    void close();

    /** The video stream as opened. */
    record StreamInfo(Codec codec, int width, int height, byte[] extradata) {
    }

    enum Codec {
        H264,
        /** Cannot play through Media Source Extensions in the browsers we ship for (Debian's Chromium). */
        H265,
        OTHER;

        /** Its name on the control link ({@code LiveOpened.codec}): h264, h265, other. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Codec fromWireName(String name) {
            for (Codec c : values()) {
                if (c.wireName().equals(name)) {
                    return c;
                }
            }
            return OTHER;
        }
    }

    /**
     * One access unit, times in 90 kHz ticks (or {@link Long#MIN_VALUE} when the camera gave none).
     *
     * @param data Annex B or length-prefixed NAL units, as the demuxer gave them
     */
    record VideoPacket(byte[] data, long dts, long pts, boolean keyframe) {
    }
}
