package io.canhgac.bench.accuracy;

import io.canhgac.contract.MotionBox;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.motion.MotionDetector;
import io.canhgac.gateway.motion.MotionEventTracker;
import io.canhgac.gateway.motion.MotionSample;
import io.canhgac.gateway.motion.Polygon;
import io.canhgac.gateway.motion.RunningAverageMotionDetector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Part (b): real footage from ../shared/data/video. The CDnet 2014 highway clip scored frame by
 * frame against the fraction of pixels its hand-made masks mark as moving, and the motorway clip
 * whose burned-in clock must raise nothing once masked.
 */
final class RealVideoAccuracy {

    /** Frame-level agreement for one ground-truth cut: a frame is "moving" if at least this fraction of it moves. */
    record Agreement(double truthCut, int frames, int truePositive, int falsePositive, int falseNegative, int trueNegative) {
        double agreement() {
            return (double) (truePositive + trueNegative) / frames;
        }

        double recall() {
            return truePositive + falseNegative == 0 ? Double.NaN : (double) truePositive / (truePositive + falseNegative);
        }

        double precision() {
            return truePositive + falsePositive == 0 ? Double.NaN : (double) truePositive / (truePositive + falsePositive);
        }
    }

    record Highway(List<Agreement> cuts, double scoreCorrelation, int scoredFrames) {
    }

    /** Clock-region motion on the motorway clip, without and with the mask. */
    record Clock(int sensitivity, int frames, int clockFramesUnmasked, int clockEventsUnmasked, int clockFramesMasked,
                 int clockEventsMasked, int motionFramesMasked) {
    }

    /** The burned-in clock (date and time line) of the motorway clip, normalised. */
    static final Polygon CLOCK = Polygon.rectangle(0.09, 0.11, 0.22, 0.055);
    /** Every on-screen text block of that clip: the traffic table, the clock line and the two labels. */
    static final List<Polygon> OSD_MASKS = List.of(
            Polygon.rectangle(0, 0, 0.21, 0.135), CLOCK,
            Polygon.rectangle(0.43, 0, 0.21, 0.07), Polygon.rectangle(0.68, 0.105, 0.14, 0.06));
    /** A zone around the clock where no vehicle ever passes: hillside and trees. */
    static final Polygon CLOCK_SURROUNDINGS = Polygon.rectangle(0, 0, 0.34, 0.18);

    private RealVideoAccuracy() {
    }

    /** ../shared/data/video seen from the project root, wherever the benchmark runs inside it; null if absent. */
    static Path dataDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve("video");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static Highway highway(Path dir) throws Exception {
        List<String> truthLines = Files.readAllLines(dir.resolve("highway-cdnet2014-groundtruth-fraction.txt"));
        int firstScored = Integer.parseInt(Files.readString(dir.resolve("highway-cdnet2014-temporalROI.txt")).trim().split("\\s+")[0]);
        double[] truth = new double[truthLines.size() + 1];
        for (String line : truthLines) {
            String[] f = line.trim().split("\\s+");
            truth[Integer.parseInt(f[0])] = Double.parseDouble(f[1]);
        }
        MotionDetector detector = new RunningAverageMotionDetector(GatewaySettings.DEFAULTS.motion());
        double[] ours = new double[truth.length];
        boolean[] moving = new boolean[truth.length];
        VideoFile.decode(dir.resolve("highway-cdnet2014-320x240.avi"), null, Instant.EPOCH, 25, (index, frame) -> {
            MotionSample s = detector.analyse(frame);
            int line = index + 1; // frame n (0-based) is ground-truth line n+1
            if (line < truth.length) {
                ours[line] = s.score();
                moving[line] = s.motion();
            }
        });
        double[] cuts = {0.0, 0.001, 0.003, 0.01};
        List<Agreement> agreements = new java.util.ArrayList<>();
        for (double cut : cuts) {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            for (int n = firstScored; n < truth.length; n++) {
                boolean t = truth[n] > cut;
                if (t && moving[n]) tp++;
                else if (moving[n]) fp++;
                else if (t) fn++;
                else tn++;
            }
            agreements.add(new Agreement(cut, tp + fp + fn + tn, tp, fp, fn, tn));
        }
        return new Highway(agreements, correlation(truth, ours, firstScored), truth.length - firstScored);
    }

    static Clock motorwayClock(Path dir, int sensitivity) throws Exception {
        Path clip = dir.resolve("motorway-osd-320x240.avi");
        CameraMotionSettings camera = CameraMotionSettings.DEFAULTS.withSensitivity(sensitivity);
        int[] unmasked = clockRun(clip, camera.withZones(List.of(CLOCK_SURROUNDINGS)));
        int[] masked = clockRun(clip, camera.withZones(List.of(CLOCK_SURROUNDINGS)).withMasks(OSD_MASKS));
        int[] wholeMasked = clockRun(clip, camera.withMasks(OSD_MASKS));
        return new Clock(sensitivity, unmasked[0], unmasked[1], unmasked[2], masked[1], masked[2], wholeMasked[3]);
    }

    /** @return frames, frames with a moving box over the clock, events in the zone, frames with any motion */
    private static int[] clockRun(Path clip, CameraMotionSettings camera) throws Exception {
        MotionDetector detector = new RunningAverageMotionDetector(GatewaySettings.DEFAULTS.motion(), camera);
        MotionEventTracker tracker = new MotionEventTracker(GatewaySettings.DEFAULTS.motionStartFrames(),
                GatewaySettings.DEFAULTS.motionEndFrames());
        int[] counts = new int[4];
        counts[0] = VideoFile.decode(clip, null, Instant.EPOCH, 25, (index, frame) -> {
            MotionSample s = detector.analyse(frame);
            if (s.boxes().stream().anyMatch(RealVideoAccuracy::overClock)) {
                counts[1]++;
            }
            if (s.motion()) {
                counts[3]++;
            }
            tracker.update(s, frame.capturedAt()).filter(t -> t.type() == io.canhgac.contract.EventType.MOTION_START)
                    .ifPresent(t -> counts[2]++);
        });
        return counts;
    }

    /** Overlaps the clock line by more than one analysis cell (a blob just outside the mask may touch its edge). */
    private static boolean overClock(MotionBox b) {
        double cellX = 2.0 / 320, cellY = 2.0 / 240;
        double cx0 = 0.09 + cellX, cy0 = 0.11 + cellY, cx1 = 0.31 - cellX, cy1 = 0.165 - cellY;
        return b.x() < cx1 && b.x() + b.width() > cx0 && b.y() < cy1 && b.y() + b.height() > cy0;
    }

    private static double correlation(double[] a, double[] b, int from) {
        int n = a.length - from;
        double ma = 0, mb = 0;
        for (int i = from; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = from; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
