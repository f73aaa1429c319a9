package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FFmpeg's colour conversion and JPEG encoder: the colours a camera means, in either YUV range. */
class JpegEncoderTest {

    private static final int W = 64;
    private static final int H = 48;

    @Test
    void aLimitedRangePictureComesOutInTheColoursItMeans() throws Exception {
        // BT.601 limited range: Y 16 is black, 235 white; (81, 90, 240) is pure red
        BufferedImage jpeg = encode(avutil.AV_PIX_FMT_YUV420P, avutil.AVCOL_RANGE_MPEG,
                new int[]{16, 128, 128}, new int[]{235, 128, 128}, new int[]{81, 90, 240});
        assertThat(jpeg.getWidth()).isEqualTo(W);
        assertThat(jpeg.getHeight()).isEqualTo(H);
        assertColour(jpeg, W / 2, 4, 0, 0, 0);
        assertColour(jpeg, W / 4, H - 4, 255, 255, 255);
        assertColour(jpeg, 3 * W / 4, H - 4, 255, 0, 0);
    }

    @Test
    void aFullRangePictureIsNotStretchedTwice() throws Exception {
        // the same colours in full range: Y 0 black, 255 white, (76, 85, 255) red
        for (int format : new int[]{avutil.AV_PIX_FMT_YUVJ420P, avutil.AV_PIX_FMT_YUV420P}) {
            BufferedImage jpeg = encode(format, avutil.AVCOL_RANGE_JPEG,
                    new int[]{0, 128, 128}, new int[]{128, 128, 128}, new int[]{76, 85, 255});
            assertColour(jpeg, W / 2, 4, 0, 0, 0);
            assertColour(jpeg, W / 4, H - 4, 128, 128, 128);
            assertColour(jpeg, 3 * W / 4, H - 4, 254, 0, 0);
        }
    }

    @Test
    void aPictureSwscaleCannotConvertIsRefusedWithItsFormat() {
        AVFrame frame = avutil.av_frame_alloc();
        try {
            frame.format(avutil.AV_PIX_FMT_NONE);
            frame.width(W);
            frame.height(H);
            assertThatThrownBy(() -> JpegEncoder.encode(frame)).hasMessageContaining("pixel format");
        } finally {
            avutil.av_frame_free(frame);
        }
    }

    /** Top half {@code top}; bottom-left quarter {@code left}, bottom-right {@code right}; each Y, U, V. */
    private static BufferedImage encode(int format, int range, int[] top, int[] left, int[] right) throws Exception {
        AVFrame frame = avutil.av_frame_alloc();
        try {
            frame.format(format);
            frame.width(W);
            frame.height(H);
            frame.color_range(range);
            assertThat(avutil.av_frame_get_buffer(frame, 0)).isZero();
            for (int plane = 0; plane < 3; plane++) {
                int sub = plane == 0 ? 1 : 2;
                int stride = frame.linesize(plane);
                byte[] data = new byte[stride * (H / sub)];
                for (int row = 0; row < H / sub; row++) {
                    for (int col = 0; col < W / sub; col++) {
                        int[] yuv = row * sub < H / 2 ? top : col * sub < W / 2 ? left : right;
                        data[row * stride + col] = (byte) yuv[plane];
                    }
                }
                frame.data(plane).put(data);
            }
            byte[] jpeg = JpegEncoder.encode(frame);
            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } finally {
            avutil.av_frame_free(frame);
        }
    }

    private static void assertColour(BufferedImage image, int x, int y, int r, int g, int b) {
        int rgb = image.getRGB(x, y);
        int[] got = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        assertThat(got).as("RGB at %d,%d", x, y).satisfies(c -> {
            assertThat(c[0]).isBetween(r - 12, r + 12);
            assertThat(c[1]).isBetween(g - 12, g + 12);
            assertThat(c[2]).isBetween(b - 12, b + 12);
        });
    }
}
