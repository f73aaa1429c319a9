package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.util.List;

/**
 * The gateway's one way to a still picture, for event snapshots and the live view's snapshots alike:
 * kept packets decoded by FFmpeg from the keyframe before the wanted one, and the wanted picture
 * encoded by {@link JpegEncoder}.
 */
public final class StillPicture {

    private StillPicture() {
    }

    /** The JPEG of {@code packets[target]}, decoded from the keyframe at or before it. */
    public static byte[] jpeg(StreamParameters stream, List<VideoPacket> packets, int target) throws IOException {
        if (target < 0 || target >= packets.size()) {
            throw new IllegalArgumentException("no packet " + target + " among " + packets.size());
        }
        int from = target;
        while (from > 0 && !packets.get(from).keyframe()) {
            from--;
        }
        long wanted = packets.get(target).pts();
        byte[] jpeg = null;
        try (VideoDecoder decoder = VideoDecoder.open(stream)) {
            for (int i = from; i <= target; i++) {
                decoder.send(packets.get(i));
                jpeg = take(decoder, wanted, i == target, jpeg);
            }
            decoder.drain(); // a decoder that holds pictures back (B-frames) gives the target's now
            jpeg = take(decoder, wanted, true, jpeg);
        }
        if (jpeg == null) {
            throw new IOException("no picture decoded up to packet " + target);
        }
        return jpeg;
    }

    /**
     * Encodes the target's picture among those ready: the one with its timestamp, or, in a stream
     * without timestamps, the last one out once the target was sent. Each picture is valid only until
     * the next is received, so it is encoded at once.
     */
    private static byte[] take(VideoDecoder decoder, long wanted, boolean targetSent, byte[] found) throws IOException {
        byte[] jpeg = found;
        for (AVFrame f; (f = decoder.receivePicture()) != null; ) {
            boolean target = wanted != VideoPacket.NO_TIMESTAMP ? f.pts() == wanted : targetSent;
            if (target) {
                jpeg = JpegEncoder.encode(f);
            }
        }
        return jpeg;
    }
}
