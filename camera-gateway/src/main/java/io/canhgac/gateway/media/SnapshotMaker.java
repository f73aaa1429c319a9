package io.canhgac.gateway.media;

import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoDecoder;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A colour JPEG of one picture of a clip. The live decoder keeps only the luma plane's worth of
 * work for motion; here a second decoder runs over the GOP up to the wanted packet, once per event,
 * and the YUV 4:2:0 picture is converted to RGB (BT.601) in Java for the JDK's JPEG encoder.
 */
final class SnapshotMaker {

    private static final float QUALITY = 0.85f;

    private SnapshotMaker() {
    }

    /** Decodes {@code packets[0..target]} (packets[0] being a keyframe) and writes the target's picture. */
    static void write(StreamParameters stream, List<VideoPacket> packets, int target, Path file) throws IOException {
        int from = target;
        while (from > 0 && !packets.get(from).keyframe()) {
            from--;
        }
        BufferedImage image = null;
        try (VideoDecoder decoder = VideoDecoder.open(stream)) {
            for (int i = from; i <= target; i++) {
                decoder.send(packets.get(i));
                for (AVFrame f; (f = decoder.receivePicture()) != null; ) {
                    image = toRgb(f); // with no B-frames the last picture out is the target's
                }
            }
        }
        if (image == null) {
            throw new IOException("no picture decoded up to packet " + target);
        }
        ImageWriter jpeg = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            ImageWriteParam param = jpeg.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            jpeg.setOutput(out);
            jpeg.write(null, new IIOImage(image, null, null), param);
        } finally {
            jpeg.dispose();
        }
    }

    private static BufferedImage toRgb(AVFrame f) throws IOException {
        int format = f.format();
        boolean fullRange = format == avutil.AV_PIX_FMT_YUVJ420P || f.color_range() == avutil.AVCOL_RANGE_JPEG;
        if (format != avutil.AV_PIX_FMT_YUV420P && format != avutil.AV_PIX_FMT_YUVJ420P) {
            throw new IOException("snapshot of pixel format " + avutil.av_get_pix_fmt_name(format).getString() + " not supported");
        }
        int w = f.width();
        int h = f.height();
        int ys = f.linesize(0);
        int us = f.linesize(1);
        int vs = f.linesize(2);
        byte[] y = new byte[ys * h];
        byte[] u = new byte[us * ((h + 1) / 2)];
        byte[] v = new byte[vs * ((h + 1) / 2)];
        f.data(0).get(y);
        f.data(1).get(u);
        f.data(2).get(v);
        int[] rgb = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int luma = y[row * ys + col] & 0xFF;
                int cb = (u[(row / 2) * us + col / 2] & 0xFF) - 128;
                int cr = (v[(row / 2) * vs + col / 2] & 0xFF) - 128;
                int r;
                int g;
                int b;
                if (fullRange) {
                    r = luma + ((359 * cr + 128) >> 8);
                    g = luma - ((88 * cb + 183 * cr + 128) >> 8);
                    b = luma + ((454 * cb + 128) >> 8);
                } else {
                    int c = 298 * (luma - 16);
                    r = (c + 409 * cr + 128) >> 8;
                    g = (c - 100 * cb - 208 * cr + 128) >> 8;
                    b = (c + 516 * cb + 128) >> 8;
                }
                rgb[row * w + col] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return image;
    }

    private static int clamp(int c) {
        return c < 0 ? 0 : Math.min(c, 255);
    }
}
