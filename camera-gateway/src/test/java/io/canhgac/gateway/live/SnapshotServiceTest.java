package io.canhgac.gateway.live;

import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots: from a watched stream's newest keyframe, no camera connection; otherwise a clear failure. */
class SnapshotServiceTest {

    /** Nothing listens on port 1: any snapshot that works did not come from the camera. */
    static final LiveSources DEAD_CAMERA = LiveSources.rtsp(CameraStreams.of(Map.of("CAM-1", "rtsp://127.0.0.1:1/sub"), Map.of()),
            LiveSettings.DEFAULTS.ioTimeout());
    static final StreamKey KEY = new StreamKey("CAM-1", LiveStream.SUB);

    private SnapshotService service;

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void aWatchedStreamsKeyframeDecodesToAJpegOfTheStreamAndIsSharedForAMoment() throws Exception {
        EncodedScene scene = new SceneEncoder(Path.of("target/scene-cache")).load(SimulatedDistrict.SCENE);
        AccessUnit first = scene.units().get(0);
        byte[] keyframe = H264Nals.standaloneKeyframe(scene.sps(), scene.pps(), first.nals());
        AtomicInteger asked = new AtomicInteger();
        service = new SnapshotService(DEAD_CAMERA, LiveSettings.DEFAULTS, key -> {
            asked.incrementAndGet();
            return Optional.of(keyframe);
        });

        CompletableFuture<byte[]> jpeg = service.jpeg(KEY).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.get(20, TimeUnit.SECONDS)));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(distinctGreys(image)).as("a picture, not a flat frame").isGreaterThan(20);
        assertThat(service.jpeg(KEY).orElseThrow()).as("cached").isSameAs(jpeg);
        assertThat(asked.get()).isEqualTo(1);
        assertThat(service.jpeg(new StreamKey("CAM-2", LiveStream.SUB))).isEmpty();
    }

    @Test
    void anUnreachableCameraFailsWithAReason() {
        service = new SnapshotService(DEAD_CAMERA, LiveSettings.DEFAULTS, key -> Optional.empty());
        CompletableFuture<byte[]> jpeg = service.jpeg(KEY).orElseThrow();
        assertThatThrownBy(() -> jpeg.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(Exception.class)
                .satisfies(e -> assertThat(e.getCause().getCause()).isInstanceOf(StreamException.class)
                        .hasMessageStartingWith("cannot read a picture from the camera"));
        assertThat(service.jpeg(KEY).orElseThrow()).as("a failure is not cached").isNotSameAs(jpeg);
    }

    private static int distinctGreys(BufferedImage image) {
        boolean[] seen = new boolean[256];
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int g = (image.getRGB(x, y) >> 8) & 0xFF;
                if (!seen[g]) {
                    seen[g] = true;
                    n++;
                }
            }
        }
        return n;
    }
}
