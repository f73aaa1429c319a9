package io.canhgac.simulator.onvif;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.SceneScript;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A PTZ camera's picture follows its ONVIF position: away from home it shows another part of the landscape. */
class SimulatedCameraPtzTest {

    static final SceneScript SCENE = new SceneScript("ptz-home", 320, 180, 10, 4, 1.0, 12, List.of());

    @Test
    void gotoPresetMovesThePictureAndHomeBringsTheSceneBack() throws Exception {
        DistrictInventory inventory = new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh", List.of(new Commune("que-loc", "Quế Lộc")),
                List.of(new CameraSpec("QL-01", "PTZ", "que-loc", null, null, null, "Hikvision", "DS-2DE4425IW-DE", true,
                        "admin", "NS@2026", "s", 0, null)));
        try (CameraSimulator simulator = CameraSimulator.start(inventory,
                SimulatorOptions.forTests(Path.of("target/scene-cache"), n -> SCENE).withOnvif())) {
            SimulatedCamera camera = simulator.camera("QL-01");
            String device = camera.onvifUrl().orElseThrow();
            OnvifSoapClient onvif = new OnvifSoapClient(device.substring(0, device.indexOf("/onvif/")), "admin", "NS@2026");
            String ptz = device.replace("device_service", "ptz_service");

            FFmpegFrameGrabber g = new FFmpegFrameGrabber(camera.rtspUrl());
            g.setOption("rtsp_transport", "tcp");
            g.setOption("analyzeduration", "200000");
            g.setOption("probesize", "32768");
            g.setOption("fflags", "nobuffer");
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.startUnsafe();
            try {
                byte[] home = lastOf(g, 5);
                assertThat(onvif.call(ptz, "<tptz:GotoPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                        + "<tptz:PresetToken>3</tptz:PresetToken></tptz:GotoPreset>").status()).isEqualTo(200);
                byte[] road = lastOf(g, 25); // up to a second for the next keyframe of the view
                assertThat(meanDifference(home, road)).as("the picture moved").isGreaterThan(8.0);

                onvif.call(ptz, "<tptz:GotoPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                        + "<tptz:PresetToken>1</tptz:PresetToken></tptz:GotoPreset>");
                byte[] back = lastOf(g, 25);
                assertThat(meanDifference(home, back)).as("home again: only noise differs").isLessThan(3.0);
            } finally {
                g.releaseUnsafe();
            }
        }
    }

    private static byte[] lastOf(FFmpegFrameGrabber g, int frames) throws Exception {
        Frame f = null;
        for (int i = 0; i < frames; i++) {
            f = g.grabImage();
        }
        ByteBuffer y = (ByteBuffer) f.image[0];
        byte[] luma = new byte[f.imageWidth * f.imageHeight];
        for (int row = 0; row < f.imageHeight; row++) {
            y.get(row * f.imageStride, luma, row * f.imageWidth, f.imageWidth);
        }
        return luma;
    }

    private static double meanDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }
}
