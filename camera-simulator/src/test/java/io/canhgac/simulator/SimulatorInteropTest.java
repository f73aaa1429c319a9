package io.canhgac.simulator;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The simulator against a client no one here wrote, FFmpeg's RTSP client (through JavaCV), over
 * RTP/TCP, with and without credentials, and through each fault. The ffprobe program is run over
 * every demo stream by scripts/interop/ffprobe-district.sh.
 */
class SimulatorInteropTest {

    /** 4 s loop, 10 fps: a person crosses from 1 s to 3 s. */
    static final SceneScript SCENE = new SceneScript("interop", 640, 360, 10, 4, 2.0, 21,
            List.of(MovingObject.person(1, 3, 200)), List.of());
    static CameraSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
        DistrictInventory inventory = new DistrictInventory("t", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")), List.of(
                new CameraSpec("OPEN", "open", "c", null, null, null, null, null, false, null, null, "s", 0, null),
                new CameraSpec("LOCKED", "locked", "c", null, null, null, null, null, false, "admin", "NS@1234 ?&", "s", 2, null)));
        simulator = CameraSimulator.start(inventory,
                SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> SCENE).withAuthentication(true).withMainStreams(true));
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.cameras().stream().allMatch(c -> c.mainStream().isPresent()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static FFmpegFrameGrabber open(String url) throws FrameGrabber.Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("timeout", "5000000");
        g.setOption("analyzeduration", "200000"); // else FFmpeg buffers seconds of stream while probing
        g.setOption("probesize", "32768");
        g.setOption("fflags", "nobuffer");
        g.setImageMode(FrameGrabber.ImageMode.RAW);
        g.startUnsafe();
        return g;
    }

    private static double meanLuma(Frame f) {
        ByteBuffer y = (ByteBuffer) f.image[0];
        long sum = 0;
        for (int row = 0; row < f.imageHeight; row += 4) {
            for (int x = 0; x < f.imageWidth; x += 4) {
                sum += y.get(row * f.imageStride + x) & 0xFF;
            }
        }
        return (double) sum / ((f.imageHeight / 4) * (f.imageWidth / 4));
    }

    @Test
    void ffmpegPlaysMainAndSubStreamsWithAndWithoutCredentials() throws Exception {
        for (String camera : List.of("OPEN", "LOCKED")) {
            for (String stream : List.of(SimulatedCamera.SUB_STREAM, SimulatedCamera.MAIN_STREAM)) {
                FFmpegFrameGrabber g = open(simulator.camera(camera).rtspUrl(stream));
                try {
                    assertThat(g.getVideoCodecName()).isEqualTo("h264");
                    int expectedWidth = stream.equals("main") ? 1280 : 640;
                    assertThat(g.getImageWidth()).as(camera + "/" + stream).isEqualTo(expectedWidth);
                    assertThat(g.getImageHeight()).isEqualTo(expectedWidth * 9 / 16);
                    for (int i = 0; i < 5; i++) {
                        assertThat(g.grabImage()).as("frame %d of %s/%s", i, camera, stream).isNotNull();
                    }
                    long started = System.nanoTime();
                    for (int i = 0; i < 15; i++) {
                        assertThat(g.grabImage()).as("frame %d of %s/%s", i, camera, stream).isNotNull();
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    assertThat(15 / seconds).as("live pace, not a burst").isBetween(7.0, 13.0);
                } finally {
                    g.releaseUnsafe();
                }
            }
        }
    }

    @Test
    void manyClientsOnOneStreamEachGetEveryPicture() throws Exception {
        SimulatedCamera camera = simulator.camera("OPEN");
        List<FFmpegFrameGrabber> viewers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                viewers.add(open(camera.rtspUrl()));
            }
            assertThat(camera.subStream().sessionCount()).isEqualTo(4);
            long started = System.nanoTime();
            for (int frame = 0; frame < 10; frame++) {
                for (FFmpegFrameGrabber viewer : viewers) {
                    assertThat(viewer.grabImage()).as("frame %d", frame).isNotNull();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(seconds).as("four viewers at live pace, not one after another").isLessThan(2.5);
        } finally {
            for (FFmpegFrameGrabber viewer : viewers) {
                viewer.releaseUnsafe();
            }
        }
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedWith401() {
        SimulatedCamera locked = simulator.camera("LOCKED");
        String noCredentials = locked.rtspUrl().replaceFirst("//[^@]*@", "//");
        String wrong = locked.rtspUrl().replaceFirst("//[^@]*@", "//admin:nope@");
        for (String url : List.of(noCredentials, wrong)) {
            assertThatThrownBy(() -> open(url)).hasMessageContaining("error -825242872"); // AVERROR_HTTP_UNAUTHORIZED
        }
    }

    @Test
    void freezeRepeatsOnePictureAndCoverGoesBlack() throws Exception {
        SimulatedCamera camera = simulator.camera("OPEN");
        FFmpegFrameGrabber g = open(camera.rtspUrl());
        try {
            assertThat(meanLuma(g.grabImage())).isGreaterThan(80);
            camera.setPicture(StreamBroadcaster.Picture.FROZEN);
            byte[] first = null;
            int identical = 0;
            for (int i = 0; i < 25; i++) {
                Frame f = g.grabImage();
                ByteBuffer y = (ByteBuffer) f.image[0];
                byte[] copy = new byte[f.imageStride * f.imageHeight];
                y.get(0, copy);
                if (first != null && java.util.Arrays.equals(first, copy)) {
                    identical++;
                }
                first = copy;
            }
            assertThat(identical).as("consecutive identical frames once frozen").isGreaterThanOrEqualTo(10);

            camera.setPicture(StreamBroadcaster.Picture.COVERED);
            double darkest = 255;
            for (int i = 0; i < 25; i++) {
                darkest = Math.min(darkest, meanLuma(g.grabImage()));
            }
            assertThat(darkest).isLessThan(25);
        } finally {
            camera.setPicture(StreamBroadcaster.Picture.LIVE);
            g.releaseUnsafe();
        }
    }

    @Test
    void offlineForAWhileRefusesConnectionsThenComesBack() throws Exception {
        SimulatedCamera camera = simulator.camera("OPEN");
        int port = camera.rtspAddress().getPort();
        camera.offlineFor(Duration.ofMillis(1500));
        assertThat(camera.faults().poweredOn()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> camera.faults().poweredOn());
        FFmpegFrameGrabber g = open(camera.rtspUrl());
        try {
            assertThat(g.grabImage()).isNotNull();
        } finally {
            g.releaseUnsafe();
        }
    }

    @Test
    void aChangedPasswordLocksOutTheOldOne() throws Exception {
        SimulatedCamera camera = simulator.camera("LOCKED");
        String oldUrl = camera.rtspUrl();
        try {
            camera.changePassword("Moi@2026");
            assertThatThrownBy(() -> open(oldUrl)).hasMessageContaining("error -825242872");
            FFmpegFrameGrabber g = open(camera.rtspUrl());
            g.releaseUnsafe();
        } finally {
            camera.changePassword("NS@1234 ?&");
        }
    }

}
