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
}
