package io.canhgac.simulator.onvif;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real JPEG for GetSnapshotUri until the video side hands over decoded frames: bars and a label. */
public final class TestCardJpeg {

    private static final Color[] BARS = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN,
            Color.MAGENTA, Color.RED, Color.BLUE, Color.BLACK};

    private TestCardJpeg() {
    }

    public static byte[] render(int width, int height, String label) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            int barWidth = Math.max(1, width / BARS.length);
            for (int i = 0; i < BARS.length; i++) {
                g.setColor(BARS[i]);
                g.fillRect(i * barWidth, 0, i == BARS.length - 1 ? width - i * barWidth : barWidth, height);
            }
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, height - height / 6, width, height / 6);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12)));
            g.drawString(label, width / 40, height - height / 24);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
