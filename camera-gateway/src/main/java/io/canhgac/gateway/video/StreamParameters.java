package io.canhgac.gateway.video;

/**
 * What a muxer or a second decoder needs to know about a camera's video stream, held in Java (not
 * FFmpeg memory) so clips written later do not depend on the session that read the packets.
 *
 * @param codecId        FFmpeg's AVCodecID, e.g. H.264
 * @param extradata      the codec's out-of-band headers (H.264: SPS and PPS as the camera announced them)
 * @param timeBaseNum    numerator of the packets' time base (RTSP: 1/90000)
 * @param timeBaseDen    its denominator
 */
public record StreamParameters(int codecId, String codecName, int width, int height, byte[] extradata,
                               int timeBaseNum, int timeBaseDen) {

    /** Seconds per time-base tick. */
    public double tick() {
        return (double) timeBaseNum / timeBaseDen;
    }
}
