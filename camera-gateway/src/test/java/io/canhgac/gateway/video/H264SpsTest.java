package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class H264SpsTest {

    /** Encodes a few pictures at the size given with the encoder the simulator uses and reads its SPS back. */
    @ParameterizedTest
    @CsvSource({"640,360", "1280,720", "1920,1080", "352,288", "320,240", "1280,960"})
    void readsThePictureSizeAnEncoderWrote(int width, int height) throws Exception {
        assertThat(H264Sps.fromExtradata(encode(width, height))).contains(new H264Sps(width, height));
    }

    @Test
    void readsTheSpsOfAnAvcCRecordAsMp4FilesCarryIt() throws Exception {
        byte[] annexB = encode(1920, 1080);
        int start = 0;
        while (!(annexB[start] == 0 && annexB[start + 1] == 0 && annexB[start + 2] == 1 && (annexB[start + 3] & 0x1F) == 7)) {
            start++;
        }
        int end = start + 3;
        while (!(annexB[end] == 0 && annexB[end + 1] == 0)) {
            end++;
        }
        byte[] sps = Arrays.copyOfRange(annexB, start + 3, end);
        byte[] avcc = new byte[8 + sps.length];
        avcc[0] = 1; // configurationVersion
        avcc[5] = (byte) 0xE1; // one SPS
        avcc[6] = (byte) (sps.length >> 8);
        avcc[7] = (byte) sps.length;
        System.arraycopy(sps, 0, avcc, 8, sps.length);
        assertThat(H264Sps.fromExtradata(avcc)).contains(new H264Sps(1920, 1080));
    }

    private static byte[] encode(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out, width, height)) {
            recorder.setFormat("h264");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(10);
            recorder.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 1);
            ((ByteBuffer) frame.image[0]).put(new byte[width * height]);
            for (int i = 0; i < 3; i++) {
                recorder.record(frame, avutil.AV_PIX_FMT_GRAY8);
            }
        }
        return out.toByteArray();
    }

    @Test
    void refusesWhatIsNotAnSps() {
        assertThat(H264Sps.fromExtradata(new byte[0])).isEmpty();
        assertThat(H264Sps.fromExtradata(new byte[] {0, 0, 1, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80})).isEmpty(); // a PPS
        assertThat(H264Sps.fromExtradata(new byte[] {0, 0, 1, 0x67, 0x42})).isEmpty(); // truncated
    }
}
