package io.canhgac.simulator;

import io.canhgac.simulator.scene.SceneRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A JPEG of what a camera's scene shows at a given frame, for ONVIF's snapshot URI. */
final class SceneSnapshot {

    private SceneSnapshot() {
    }

    static byte[] jpeg(SceneRenderer renderer, int frame, boolean covered) {
        int w = renderer.script().width();
        int h = renderer.script().height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (covered) {
            java.util.Arrays.fill(pixels, (byte) 16);
        } else {
            renderer.render(frame, pixels);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
