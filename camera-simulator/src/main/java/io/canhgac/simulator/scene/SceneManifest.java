package io.canhgac.simulator.scene;

import java.util.List;

/**
 * A scene's ground truth by construction, as tests and benchmarks read it: when something really
 * moves, and every other thing on the timeline that must not be mistaken for motion or that a
 * camera-health check must notice.
 *
 * @param motion      intervals in which an object moves (events expected)
 * @param lighting    global lighting changes (brightness steps, IR switches): no motion expected
 * @param distractors rain and swaying foliage: no motion expected (foliage is masked)
 * @param tamper      lens covered: a tamper/health event expected, no motion
 * @param frozen      frozen picture: a health event expected
 * @param outages     stream outages and reboots: the camera is unreachable or silent
 */
public record SceneManifest(String scene, int width, int height, int fps, int durationSeconds,
                            List<Interval> motion, List<Interval> lighting, List<Interval> distractors,
                            List<Interval> tamper, List<Interval> frozen, List<Interval> outages) {

    /** @param region left, top, width, height in substream pixels, for effects limited to a region; null otherwise */
    public record Interval(String kind, double start, double end, int[] region) {
    }

    static SceneManifest of(SceneScript s) {
        List<Interval> motion = s.objects().stream()
                .map(o -> new Interval(o.kind(), o.startSeconds(), o.endSeconds(), null)).toList();
        return new SceneManifest(s.name(), s.width(), s.height(), s.fps(), s.durationSeconds(), motion,
                of(s, SceneEffect.BrightnessStep.class, SceneEffect.IrSwitch.class),
                of(s, SceneEffect.Rain.class, SceneEffect.Foliage.class),
                of(s, SceneEffect.LensCovered.class),
                of(s, SceneEffect.FrozenPicture.class),
                of(s, SceneEffect.StreamOutage.class, SceneEffect.CameraReboot.class));
    }

    @SafeVarargs
    private static List<Interval> of(SceneScript s, Class<? extends SceneEffect>... kinds) {
        return s.effects().stream()
                .filter(e -> List.of(kinds).contains(e.getClass()))
                .map(e -> interval(e, s.durationSeconds()))
                .toList();
    }

    private static Interval interval(SceneEffect e, int duration) {
        if (e instanceof SceneEffect.Foliage f) {
            return new Interval(e.kind(), 0, duration, new int[] {f.left(), f.top(), f.width(), f.height()});
        }
        return new Interval(e.kind(), e.start(), e.end(), null);
    }
}
