package io.canhgac.simulator.scene;

import io.canhgac.simulator.scene.SceneEffect.BrightnessStep;
import io.canhgac.simulator.scene.SceneEffect.Foliage;
import io.canhgac.simulator.scene.SceneEffect.FrozenPicture;
import io.canhgac.simulator.scene.SceneEffect.IrSwitch;
import io.canhgac.simulator.scene.SceneEffect.LensCovered;
import io.canhgac.simulator.scene.SceneEffect.Rain;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every effect does to the pixels what its manifest says, and nothing else. */
class SceneRendererTest {

    static final int W = 160;
    static final int H = 96;

    private static SceneScript scene(List<MovingObject> objects, List<SceneEffect> effects) {
        return new SceneScript("t", W, H, 10, 10, 2.0, 7, objects, effects);
    }

    private static byte[] frame(SceneRenderer r, int index) {
        byte[] luma = new byte[W * H];
        r.render(index, luma);
        return luma;
    }

    private static double mean(byte[] luma) {
        long sum = 0;
        for (byte b : luma) {
            sum += b & 0xFF;
        }
        return (double) sum / luma.length;
    }

    private static int changed(byte[] a, byte[] b, int threshold) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) > threshold) {
                n++;
            }
        }
        return n;
    }

    @Test
    void deterministicAndTheObjectOnlyInItsInterval() {
        SceneRenderer r = new SceneRenderer(scene(List.of(new MovingObject("box", 1, 2, 20, 20, 40, 255)), List.of()));
        assertThat(frame(r, 5)).isEqualTo(frame(r, 5));
        assertThat(frame(r, 10)[50 * W + 5] & 0xFF).as("t=1.0: at the left edge").isEqualTo(255);
        assertThat(frame(r, 25)[50 * W + 5] & 0xFF).as("t=2.5: gone").isLessThan(200);
    }

    @Test
    void brightnessStepShiftsTheWholePictureOnlyInsideItsInterval() {
        SceneRenderer r = new SceneRenderer(scene(List.of(), List.of(new BrightnessStep(3, 6, 40))));
        double before = mean(frame(r, 20));
        double during = mean(frame(r, 40));
        double after = mean(frame(r, 70));
        assertThat(during - before).isBetween(35.0, 41.0);
        assertThat(after - before).isBetween(-1.0, 1.0);
    }

    @Test
    void irSwitchTurnsGreyWithLowerContrastAndMoreNoise() {
        SceneRenderer r = new SceneRenderer(scene(List.of(), List.of(new IrSwitch(3, 6))));
        byte[] day = new byte[W * H];
        byte[] night = new byte[W * H];
        assertThat(r.render(20, day)).isEqualTo(SceneRenderer.Chroma.DAY);
        assertThat(r.render(40, night)).isEqualTo(SceneRenderer.Chroma.GREY);
        int skyDay = day[5 * W + 80] & 0xFF;
        int roadDay = day[90 * W + 80] & 0xFF;
        int skyNight = night[5 * W + 80] & 0xFF;
        int roadNight = night[90 * W + 80] & 0xFF;
        assertThat(Math.abs(skyNight - roadNight)).isLessThan(Math.abs(skyDay - roadDay));
    }

    @Test
    void coveredLensIsDarkWithOnlySensorNoise() {
        SceneRenderer r = new SceneRenderer(scene(List.of(), List.of(new LensCovered(3, 6))));
        byte[] covered = frame(r, 40);
        assertThat(mean(covered)).isBetween(14.0, 18.0);
        assertThat(changed(covered, frame(r, 41), 6)).as("noise only").isLessThan(W * H / 100);
    }

    @Test
    void frozenPictureRepeatsTheExactFrameEvenWithAnObjectMoving() {
        SceneRenderer r = new SceneRenderer(scene(List.of(new MovingObject("box", 2, 8, 20, 20, 40, 255)),
                List.of(new FrozenPicture(3, 6))));
        assertThat(frame(r, 35)).isEqualTo(frame(r, 30)).isEqualTo(frame(r, 59));
        assertThat(frame(r, 60)).isNotEqualTo(frame(r, 30));
        assertThat(changed(frame(r, 20), frame(r, 21), 0)).as("sensor noise moves outside the freeze").isGreaterThan(W * H / 10);
    }

    @Test
    void rainMarksScatteredStreaksButNoBlob() {
        SceneRenderer r = new SceneRenderer(scene(List.of(), List.of(new Rain(0, 10, 40))));
        byte[] rainy = frame(r, 10);
        byte[] clear = frame(new SceneRenderer(scene(List.of(), List.of())), 10);
        int streakPixels = changed(rainy, clear, 30);
        assertThat(streakPixels).isBetween(40, 40 * 6 + 1);
    }

    @Test
    void foliageMovesInsideItsRegionOnly() {
        Foliage tree = new Foliage(100, 10, 50, 40, 6, 2.0);
        SceneRenderer r = new SceneRenderer(scene(List.of(), List.of(tree)));
        byte[] a = frame(r, 0);
        byte[] b = frame(r, 5); // a quarter period later: fully swayed
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = x >= 100 && x < 150 && y >= 10 && y < 50;
                if (Math.abs((a[y * W + x] & 0xFF) - (b[y * W + x] & 0xFF)) > 15) {
                    if (in) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        assertThat(inside).isGreaterThan(50 * 40 / 10);
        assertThat(outside).isZero();
    }

    @Test
    void manifestListsEveryKindAndTheMainStreamIsTheSceneScaled() {
        SceneScript s = SceneCatalog.get("foliage-person");
        SceneManifest m = s.manifest();
        assertThat(m.motion()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("person");
            assertThat(i.start()).isEqualTo(35.0);
            assertThat(i.end()).isEqualTo(45.0);
        });
        assertThat(m.distractors()).singleElement().satisfies(i -> assertThat(i.region()).containsExactly(440, 130, 160, 90));
        assertThat(SceneCatalog.get("lens-covered").manifest().tamper()).hasSize(1);
        assertThat(SceneCatalog.get("frozen").manifest().frozen()).hasSize(1);
        assertThat(SceneCatalog.get("reboot").manifest().outages()).singleElement()
                .satisfies(i -> assertThat(i.end() - i.start()).isEqualTo(15.0));
        assertThat(SceneCatalog.get("ir-switch").manifest().lighting()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo("ir-switch"));

        SceneScript main = s.scaled(SceneCatalog.MAIN_SCALE);
        assertThat(main.width()).isEqualTo(1280);
        assertThat(main.height()).isEqualTo(720);
        assertThat(main.objects().get(0).height()).isEqualTo(s.objects().get(0).height() * 2);
        assertThat(main.manifest().motion()).isEqualTo(m.motion());
    }
}
