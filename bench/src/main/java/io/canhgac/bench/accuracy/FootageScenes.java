package io.canhgac.bench.accuracy;

import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.simulator.scene.SceneManifest;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenes built from real footage in which the motion stops while the people or cars are still in
 * the picture: the footage plays, then freezes on its last picture (everyone "stands still"), or
 * plays only inside one part of the picture while the rest is frozen, and that part then stops too.
 * Frozen spans also carry today's lighting steps and heavy noise. Ground truth by construction:
 * motion exactly while footage plays (checked: {@link Result#leastChangedPixels()}).
 */
final class FootageScenes {

    /** Where the footage plays, as fractions of the picture; {@link #FREEZE} nowhere. */
    record Region(String name, double x, double y, double w, double h) {
        static final Region FREEZE = new Region("frozen", 0, 0, 0, 0);
        static final Region WHOLE = new Region("whole", 0, 0, 1, 1);
    }

    /**
     * @param brightness luma levels added to the whole picture from this span on (a lighting step), kept afterwards
     * @param noise      sigma of the temporal noise added to every pixel during the span
     */
    record Span(double seconds, Region play, int brightness, double noise) {
        static Span of(double seconds, Region play) {
            return new Span(seconds, play, 0, 2);
        }
    }

    /**
     * @param leastChangedPixels fewest pixels that changed by more than 20 levels between two played source
     *                           pictures, inside the playing part: above 0.1 % of the picture (the detector's
     *                           minimum blob), the truth "moving" holds in every frame
     */
    record Result(String scene, int frames, int fps, int pixels, List<SideBySide.Outcome> outcomes, int leastChangedPixels) {
    }

    private static final int NOISE_SPAN_SIGMA = 6;

    private FootageScenes() {
    }

    static List<FootageClip.Source> sources(Path video) {
        List<FootageClip.Source> all = new ArrayList<>();
        if (video != null) {
            // from frame 640 on every picture has cars moving (CDnet's masks: > 0.2 % of the picture from 493 on)
            all.add(new FootageClip.Source("highway", video.resolve("highway-cdnet2014-320x240.avi"), 320, 240, 25, 640,
                    List.of(new Region("right", 0.5, 0, 0.5, 1), new Region("top", 0, 0, 1, 0.5), new Region("road", 0.25, 0, 0.75, 1))));
        }
        all.add(new FootageClip.Source("plaza", FootageClip.VTEST, 480, 360, 10, 500,
                List.of(new Region("left", 0, 0, 0.5, 1), new Region("right", 0.5, 0, 0.5, 1), new Region("centre", 0.25, 0.2, 0.5, 0.6))));
        all.stream().filter(s -> !s.present())
                .forEach(s -> System.out.println("(real footage '" + s.name() + "' not here, its scenes skipped: " + s.file()
                        + (s.file().equals(FootageClip.VTEST) ? "; apt-get install opencv-doc" : "") + ")"));
        return all.stream().filter(FootageClip.Source::present).toList();
    }

    /** Motion that freezes with everyone in the picture, a lighting span and a noise span between plays. */
    static List<Span> freezes() {
        return spans(Region.WHOLE, Region.WHOLE, Region.WHOLE, 25, -45);
    }

    /** Motion in one part of the picture that stops there (the source's three parts, where it always moves), the rest frozen. */
    static List<Span> stops(FootageClip.Source source) {
        List<Region> r = source.stopRegions();
        return spans(r.get(0), r.get(1), r.get(2), 30, -40);
    }

    private static List<Span> spans(Region first, Region second, Region third, int stepUp, int stepDown) {
        return List.of(Span.of(3, Region.FREEZE), Span.of(8, first), Span.of(8, Region.FREEZE), Span.of(8, second),
                Span.of(2, Region.FREEZE), new Span(3, Region.FREEZE, stepUp, 2), new Span(3, Region.FREEZE, stepDown, 2),
                Span.of(8, third), new Span(8, Region.FREEZE, 0, NOISE_SPAN_SIGMA));
    }

    /** One scene: which footage, and its spans. */
    record Scene(String name, FootageClip.Source source, List<Span> spans) {
        List<SceneManifest.Interval> truth() {
            return FootageScenes.truth(spans);
        }
    }

    static List<Scene> scenes(Path video) {
        List<Scene> scenes = new ArrayList<>();
        for (FootageClip.Source source : sources(video)) {
            scenes.add(new Scene(source.name() + "-freezes", source, freezes()));
            scenes.add(new Scene(source.name() + "-stops", source, stops(source)));
        }
        return scenes;
    }

    static List<Result> run(Path video) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Scene scene : scenes(video)) {
            FootageClip.Source source = scene.source();
            SideBySide detectors = new SideBySide(source.fps(), CameraMotionSettings.DEFAULTS);
            Rendered r = render(scene, detectors::accept);
            results.add(new Result(scene.name(), r.frames(), source.fps(), source.width() * source.height(),
                    detectors.finish(r.frames(), scene.truth()), r.leastChangedPixels()));
        }
        return results;
    }

    /** @param leastChangedPixels as in {@link Result} */
    record Rendered(int frames, int leastChangedPixels) {
    }

    static List<SceneManifest.Interval> truth(List<Span> spans) {
        List<SceneManifest.Interval> truth = new ArrayList<>();
        double t = 0;
        for (Span s : spans) {
            if (s.play() != Region.FREEZE) {
                truth.add(new SceneManifest.Interval(s.play().name().toLowerCase(), t, t + s.seconds(), null));
            }
            t += s.seconds();
        }
        return truth;
    }

    /**
     * Builds the scene's pictures one by one and hands each to {@code sink}, dated at the source's
     * picture rate. The opening freeze shows the scene's last picture (found by a first, dry pass), so
     * that a camera looping the scene wraps around on a still picture: only the brightness steps back.
     */
    static Rendered render(Scene scene, VideoFile.FrameConsumer sink) throws Exception {
        byte[][] last = new byte[1][];
        draw(scene, null, null, last);
        return draw(scene, last[0], sink, null);
    }

    private static Rendered draw(Scene scene, byte[] opening, VideoFile.FrameConsumer sink, byte[][] last) throws Exception {
        FootageClip.Source source = scene.source();
        int w = source.width(), h = source.height(), fps = source.fps();
        SplittableRandom random = new SplittableRandom(scene.name().hashCode());
        ByteBuffer direct = ByteBuffer.allocateDirect(w * h); // as the decoder hands pictures over
        byte[] out = new byte[w * h];
        Instant t0 = Instant.parse("2026-12-07T00:00:00Z");
        int index = 0, brightness = 0, leastChanged = Integer.MAX_VALUE;
        try (FootageClip clip = new FootageClip(source)) {
            byte[] first = clip.next();
            byte[] shown = opening != null ? opening.clone() : first;
            for (Span span : scene.spans()) {
                brightness += span.brightness();
                Region p = span.play();
                int x0 = (int) (p.x * w), y0 = (int) (p.y * h), x1 = (int) ((p.x + p.w) * w), y1 = (int) ((p.y + p.h) * h);
                for (int f = 0; f < Math.round(span.seconds() * fps); f++) {
                    if (p != Region.FREEZE) {
                        byte[] next = clip.next();
                        int changedPixels = 0;
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) {
                                int i = y * w + x;
                                changedPixels += Math.abs((next[i] & 0xFF) - (shown[i] & 0xFF)) > 20 ? 1 : 0;
                                shown[i] = next[i];
                            }
                        }
                        leastChanged = Math.min(leastChanged, changedPixels);
                    }
                    index++;
                    if (sink == null) {
                        continue;
                    }
                    for (int i = 0; i < out.length; i++) {
                        double n = (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2 * span.noise();
                        out[i] = (byte) Math.max(0, Math.min(255, (shown[i] & 0xFF) + brightness + (int) Math.round(n)));
                    }
                    direct.clear();
                    direct.put(out).flip();
                    int i = index - 1;
                    sink.accept(i, new LumaFrame(direct, w, h, w, t0.plusNanos(i * 1_000_000_000L / fps)));
                }
            }
            if (last != null) {
                last[0] = shown;
            }
        }
        return new Rendered(index, leastChanged);
    }
}
