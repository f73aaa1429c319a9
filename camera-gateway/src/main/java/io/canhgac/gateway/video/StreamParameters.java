package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

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

    /** A stream being read, copied into Java. */
    public static StreamParameters of(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        return new StreamParameters(par.codec_id(), avcodec.avcodec_get_name(par.codec_id()).getString(),
                par.width(), par.height(), extradata(par), stream.time_base().num(), stream.time_base().den());
    }

    /** The codec's out-of-band headers as FFmpeg holds them; empty when there are none. */
    static byte[] extradata(AVCodecParameters par) {
        byte[] extradata = new byte[Math.max(0, par.extradata_size())];
        if (extradata.length > 0) {
            par.extradata().capacity(extradata.length).get(extradata);
        }
        return extradata;
    }

    /** Fills FFmpeg's parameters of a new video stream or decoder; the extradata copy is freed with {@code par}. */
    public void copyTo(AVCodecParameters par) {
        par.codec_type(avutil.AVMEDIA_TYPE_VIDEO);
        par.codec_id(codecId);
        par.width(width);
        par.height(height);
        if (extradata.length > 0) {
            // FFmpeg wants zeroed padding after the headers
            BytePointer extra = new BytePointer(avutil.av_mallocz(extradata.length + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
            extra.put(extradata);
            par.extradata(extra);
            par.extradata_size(extradata.length);
        }
    }

    /** Seconds per time-base tick. */
    public double tick() {
        return (double) timeBaseNum / timeBaseDen;
    }
}
