package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One FFmpeg video decoder, single-threaded ({@code threads=1}: cheapest per picture, and the camera
 * already has its own thread). Not thread-safe; close it on the thread that uses it.
 */
public final class VideoDecoder implements AutoCloseable {

    private final AVCodecContext context;
    private final AVFrame frame = avutil.av_frame_alloc();
    private final double nanosPerTick;
    private AVPacket scratch;

    private VideoDecoder(AVCodecContext context, double nanosPerTick) {
        this.context = context;
        this.nanosPerTick = nanosPerTick;
    }

    /** A decoder for a stream being read, with everything the demuxer learnt about it. */
    static VideoDecoder open(AVStream stream) {
        return open(stream.codecpar(), 1e9 * stream.time_base().num() / stream.time_base().den());
    }

    /** A decoder for packets kept from an earlier read (snapshots). */
    public static VideoDecoder open(StreamParameters stream) {
        AVCodecParameters par = avcodec.avcodec_parameters_alloc();
        try {
            stream.copyTo(par);
            return open(par, 1e9 * stream.tick());
        } finally {
            avcodec.avcodec_parameters_free(par); // frees the extradata too
        }
    }

    private static VideoDecoder open(AVCodecParameters par, double nanosPerTick) {
        AVCodec codec = avcodec.avcodec_find_decoder(par.codec_id());
        if (codec == null) {
            throw new IllegalStateException("no decoder for codec " + avcodec.avcodec_get_name(par.codec_id()).getString());
        }
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        if (avcodec.avcodec_parameters_to_context(context, par) < 0) {
            avcodec.avcodec_free_context(context);
            throw new IllegalStateException("cannot configure the " + codec.name().getString() + " decoder");
        }
        context.thread_count(1);
        int opened = avcodec.avcodec_open2(context, codec, (AVDictionary) null);
        if (opened < 0) {
            avcodec.avcodec_free_context(context);
            throw new IllegalStateException("cannot open the " + codec.name().getString() + " decoder [FFmpeg error " + opened + "]");
        }
        return new VideoDecoder(context, nanosPerTick);
    }

    /** Feeds one packet; false when the decoder refused it (corrupt data: the next keyframe recovers). */
    boolean send(AVPacket packet) {
        return avcodec.avcodec_send_packet(context, packet) >= 0;
    }

    /** Feeds a kept packet. */
    public boolean send(VideoPacket packet) {
        if (scratch == null) {
            scratch = avcodec.av_packet_alloc();
        }
        // FFmpeg wants zeroed padding after the data; av_packet_from_data takes ownership of the buffer
        BytePointer data = new BytePointer(avutil.av_mallocz(packet.size() + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
        data.put(packet.data());
        try {
            avcodec.av_packet_from_data(scratch, data, packet.size());
            scratch.pts(packet.pts());
            scratch.dts(packet.dts());
            scratch.flags(packet.keyframe() ? avcodec.AV_PKT_FLAG_KEY : 0);
            return avcodec.avcodec_send_packet(context, scratch) >= 0;
        } finally {
            avcodec.av_packet_unref(scratch); // releases data, which av_packet_from_data took over
        }
    }

    /** No more packets: the decoder gives out the pictures it still holds. */
    public void drain() {
        avcodec.avcodec_send_packet(context, null);
    }

    /** The next decoded picture's Y plane, valid until the next call; null when the decoder needs more packets. */
    LumaFrame receive() {
        if (avcodec.avcodec_receive_frame(context, frame) < 0) {
            return null;
        }
        int stride = frame.linesize(0);
        ByteBuffer y = frame.data(0).capacity((long) stride * frame.height()).asByteBuffer();
        long pts = frame.best_effort_timestamp();
        long streamNanos = pts == avutil.AV_NOPTS_VALUE ? LumaFrame.NO_STREAM_TIME : Math.round(pts * nanosPerTick);
        return new LumaFrame(y, frame.width(), frame.height(), stride, Instant.now(), streamNanos);
    }

    /** The next decoded picture in full (all planes), valid until the next call; null when none is ready. */
    public AVFrame receivePicture() {
        return avcodec.avcodec_receive_frame(context, frame) < 0 ? null : frame;
    }

    @Override
    public void close() {
        avutil.av_frame_free(frame);
        avcodec.avcodec_free_context(context);
        if (scratch != null) {
            avcodec.av_packet_free(scratch);
        }
    }
}
