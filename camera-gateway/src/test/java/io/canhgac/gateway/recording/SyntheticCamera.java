package io.canhgac.gateway.recording;

import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.global.avcodec;

import java.time.Instant;

/**
 * Packets as a 10 fps H.264 camera with a keyframe a second would give them over RTSP (90 kHz times,
 * Annex B), but not decodable: for the tests of the index, retention and the guard, where only sizes,
 * times and keyframes matter. Each picture carries its number so a read-back can be checked.
 */
final class SyntheticCamera {

    static final int FPS = 10;
    static final long TICKS_PER_PICTURE = 90_000 / FPS;
    static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x1E, 0x01};
    static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
    static final StreamParameters STREAM = new StreamParameters(avcodec.AV_CODEC_ID_H264, "h264", 640, 360,
            annexB(SPS, PPS), 1, 90_000);

    private final PacketTap tap;
    private final int pictureBytes;
    private long number;

    SyntheticCamera(PacketTap tap, int pictureBytes) {
        this.tap = tap;
        this.pictureBytes = pictureBytes;
    }

    SyntheticCamera(PacketTap tap) {
        this(tap, 200);
    }

    /** The stream (re)connects: pictures count from 0 again, as after a camera's restart. */
    SyntheticCamera connect() {
        tap.opened(STREAM);
        return this;
    }

    /** {@code seconds} of pictures, the first received at {@code from}. */
    SyntheticCamera send(Instant from, double seconds) {
        int pictures = (int) Math.round(seconds * FPS);
        for (int i = 0; i < pictures; i++) {
            boolean key = number % FPS == 0;
            byte[] picture = new byte[pictureBytes];
            picture[3] = 1;
            picture[4] = (byte) (key ? 0x65 : 0x41);
            picture[pictureBytes - 1] = (byte) number;
            long t = number * TICKS_PER_PICTURE;
            tap.packet(new VideoPacket(picture, t, t, key, from.plusMillis(i * 1000L / FPS)));
            number++;
        }
        return this;
    }

    void disconnect() {
        tap.closed();
    }

    static byte[] annexB(byte[]... nals) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
