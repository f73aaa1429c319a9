package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;

import java.io.IOException;

/**
 * A decoded picture to a JPEG entirely in FFmpeg: swscale to full-range YUV 4:2:0 (the JPEG range; not the deprecated yuvj formats),
 * then FFmpeg's MJPEG encoder. Native code end to end, so an event's snapshot costs about one more
 * decode, not a Java colour conversion of every pixel.
 */
public final class JpegEncoder {

    /** MJPEG quantiser scale, 2 (best) .. 31: 3 is about JPEG quality 90 at a third of the size of 2. */
    static final int QSCALE = 3;

    private JpegEncoder() {
    }

    public static byte[] encode(AVFrame picture) throws IOException {
        int w = picture.width();
        int h = picture.height();
        AVFrame jpegRange = toJpegRange(picture);
        AVCodecContext encoder = null;
        AVPacket packet = avcodec.av_packet_alloc();
        try {
            encoder = openEncoder(w, h);
            jpegRange.quality(encoder.global_quality());
            jpegRange.pts(0);
            check(avcodec.avcodec_send_frame(encoder, jpegRange), "send the picture to the JPEG encoder");
            check(avcodec.avcodec_send_frame(encoder, null), "flush the JPEG encoder");
            check(avcodec.avcodec_receive_packet(encoder, packet), "receive the JPEG");
            byte[] jpeg = new byte[packet.size()];
            packet.data().capacity(jpeg.length).get(jpeg);
            return jpeg;
        } finally {
            avcodec.av_packet_free(packet);
            if (encoder != null) {
                avcodec.avcodec_free_context(encoder);
            }
            avutil.av_frame_free(jpegRange);
        }
    }

    /** swscale reads the source's range from the frame (its yuvj format or its colour-range flag). */
    private static AVFrame toJpegRange(AVFrame picture) throws IOException {
        int format = picture.format();
        if (format < 0 || swscale.sws_isSupportedInput(format) == 0) {
            throw new IOException("no conversion to a JPEG from pixel format " + pixelFormatName(format));
        }
        SwsContext sws = swscale.sws_alloc_context();
        AVFrame out = avutil.av_frame_alloc();
        try {
            sws.flags(swscale.SWS_BILINEAR);
            sws.threads(1);
            out.format(avutil.AV_PIX_FMT_YUV420P);
            out.width(picture.width());
            out.height(picture.height());
            out.color_range(avutil.AVCOL_RANGE_JPEG);
            check(avutil.av_frame_get_buffer(out, 0), "allocate the picture for the JPEG encoder");
            check(swscale.sws_scale_frame(sws, out, picture), "convert the picture to the JPEG range");
            return out;
        } catch (IOException | RuntimeException e) {
            avutil.av_frame_free(out);
            throw e;
        } finally {
            swscale.sws_free_context(sws);
        }
    }

    private static AVCodecContext openEncoder(int w, int h) throws IOException {
        AVCodec codec = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_MJPEG);
        if (codec == null) {
            throw new IOException("this FFmpeg has no MJPEG encoder");
        }
        AVCodecContext c = avcodec.avcodec_alloc_context3(codec);
        c.width(w);
        c.height(h);
        c.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        c.color_range(avutil.AVCOL_RANGE_JPEG);
        c.time_base(avutil.av_make_q(1, 25));
        c.thread_count(1);
        c.flags(c.flags() | avcodec.AV_CODEC_FLAG_QSCALE);
        c.global_quality(avutil.FF_QP2LAMBDA * QSCALE);
        int opened = avcodec.avcodec_open2(c, codec, (AVDictionary) null);
        if (opened < 0) {
            avcodec.avcodec_free_context(c);
            throw new IOException("cannot open FFmpeg's JPEG encoder [FFmpeg error " + opened + "]");
        }
        return c;
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException("cannot " + what + " [FFmpeg error " + result + "]");
        }
    }

    static String pixelFormatName(int format) {
        var name = avutil.av_get_pix_fmt_name(format);
        return name == null ? String.valueOf(format) : name.getString();
    }
}
