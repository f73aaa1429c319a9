package io.canhgac.simulator.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SceneEncoderTest {

    @Test
    void encodesOnePicturePerFrameWithAKeyframeEverySecondAndCaches(@TempDir Path cache) throws Exception {
        SceneScript script = new SceneScript("t", 160, 96, 5, 3, 2.0, 7, List.of(MovingObject.person(1, 2, 10)));
        SceneEncoder encoder = new SceneEncoder(cache);

        EncodedScene scene = encoder.load(script);

        assertThat(scene.units()).hasSize(15);
        for (int i = 0; i < 15; i++) {
            assertThat(scene.units().get(i).keyframe()).as("frame %d keyframe", i).isEqualTo(i % 5 == 0);
        }
        assertThat(H264AnnexB.type(scene.sps())).isEqualTo(H264AnnexB.NAL_SPS);
        assertThat(scene.profileLevelId()).matches("[0-9A-F]{6}");
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".h264")).count()).isEqualTo(1);
        }
        long modified = Files.list(cache).findFirst().orElseThrow().toFile().lastModified();
        assertThat(encoder.load(script).units()).hasSize(15);
        assertThat(Files.list(cache).findFirst().orElseThrow().toFile().lastModified()).isEqualTo(modified);
    }

    @Test
    void rendererIsDeterministicAndDrawsTheObjectOnlyInItsInterval() {
        SceneScript script = new SceneScript("t", 160, 96, 10, 4, 2.0, 7,
                List.of(new MovingObject("box", 1, 2, 20, 20, 40, 255)));
        SceneRenderer renderer = new SceneRenderer(script);
        byte[] a = new byte[160 * 96];
        byte[] b = new byte[160 * 96];
        renderer.render(5, a);
        renderer.render(5, b);
        assertThat(a).isEqualTo(b);

        renderer.render(10, a); // t = 1.0 s: object at the left edge
        assertThat(a[50 * 160 + 5] & 0xFF).isEqualTo(255);
        renderer.render(25, a); // t = 2.5 s: gone
        assertThat(a[50 * 160 + 5] & 0xFF).isLessThan(200);
    }
}
