package io.canhgac.gateway.media;

import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a camera's own packets into an MP4 file without decoding them: the codec headers from the
 * stream, each packet's bytes as they came (the muxer only changes Annex B start codes into the
 * length prefixes MP4 uses), timestamps moved to start at zero. {@code faststart}: the index comes
 * first, so a browser can play the clip while it downloads. Packets are handed over one at a time
 * ({@link #open}), so a long recording export never sits in memory whole.
 */
public final class ClipRemuxer implements AutoCloseable {

    private final AVFormatContext out;
    private final AVDictionary options = new AVDictionary(null);
    private final AVPacket pkt = avcodec.av_packet_alloc();
    private boolean ioOpen;
    private AVStream video;
    private AVRational source;
    private AVRational target;
    private long origin = Long.MIN_VALUE;
    private long lastDts = Long.MIN_VALUE;
    private long lastDuration;
    private int written;
    /** Written one behind, so that each packet's duration is known. */
    private VideoPacket held;
    private boolean closed;

    private ClipRemuxer() {
        out = new AVFormatContext(null);
    }

    static void write(StreamParameters stream, List<VideoPacket> packets, Path file) throws IOException {
        try (ClipRemuxer clip = open(stream, file)) {
            for (VideoPacket p : packets) {
                clip.add(p);
            }
            clip.finish();
        }
    }

    /** Starts an MP4 file of one video stream; {@link #add} its packets in decoding order, then {@link #finish}. */
    public static ClipRemuxer open(StreamParameters stream, Path file) throws IOException {
        ClipRemuxer clip = new ClipRemuxer();
        try {
            clip.start(stream, file);
            return clip;
        } catch (IOException | RuntimeException e) {
            clip.close();
            throw e;
        }
    }

    private void start(StreamParameters stream, Path file) throws IOException {
        check(avformat.avformat_alloc_output_context2(out, null, "mp4", file.toString()), "cannot make an MP4 muxer");
        video = avformat.avformat_new_stream(out, null);
        stream.copyTo(video.codecpar()); // freed with the format context
        source = avutil.av_make_q(stream.timeBaseNum(), stream.timeBaseDen());
        video.time_base(source);
        AVIOContext io = new AVIOContext(null);
        check(avformat.avio_open(io, file.toString(), avformat.AVIO_FLAG_WRITE), "cannot open " + file);
        out.pb(io);
        ioOpen = true;
        avutil.av_dict_set(options, "movflags", "+faststart", 0);
        check(avformat.avformat_write_header(out, options), "cannot write the MP4 header");
        target = video.time_base(); // the muxer may have picked its own
    }

    public void add(VideoPacket p) throws IOException {
        if (held != null) {
            writeHeld(p.decodingTime() - held.decodingTime());
        }
        held = p;
    }

    /** Writes the index; the file is complete after this. */
    public void finish() throws IOException {
        if (held != null) {
            writeHeld(lastDuration);
        }
        check(avformat.av_write_trailer(out), "cannot finish the MP4 file");
    }

    /** Packets written so far. */
    public int packets() {
        return written;
    }

    private void writeHeld(long duration) throws IOException {
        VideoPacket p = held;
        held = null;
        if (origin == Long.MIN_VALUE) {
            origin = p.decodingTime();
        }
        lastDuration = duration;
        long dts = p.decodingTime() - origin;
        long pts = p.pts() == VideoPacket.NO_TIMESTAMP ? dts : p.pts() - origin;
        dts = avutil.av_rescale_q(dts, source, target);
        pts = avutil.av_rescale_q(pts, source, target);
        if (dts <= lastDts) { // a camera clock that stood still: MP4 needs strictly rising decode times
            dts = lastDts + 1;
        }
        pts = Math.max(pts, dts);
        lastDts = dts;
        BytePointer data = new BytePointer(avutil.av_mallocz(p.size() + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
        data.put(p.data());
        check(avcodec.av_packet_from_data(pkt, data, p.size()), "out of memory");
        pkt.stream_index(video.index());
        pkt.dts(dts);
        pkt.pts(pts);
        pkt.duration(Math.max(0, avutil.av_rescale_q(duration, source, target)));
        pkt.flags(p.keyframe() ? avcodec.AV_PKT_FLAG_KEY : 0);
        int result = avformat.av_write_frame(out, pkt); // one stream in order: no interleaving needed; we keep the packet
        avcodec.av_packet_unref(pkt);
        check(result, "cannot write packet " + written);
        written++;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        avutil.av_dict_free(options);
        avcodec.av_packet_free(pkt);
        if (ioOpen) {
            avformat.avio_closep(out.pb());
        }
        avformat.avformat_free_context(out);
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException(what + " [FFmpeg error " + result + "]");
        }
    }
}
