package io.canhgac.gateway.motion;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.contract.MotionBox;
import io.canhgac.gateway.motion.SyntheticFrames.Box;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The per-camera rules, end to end from pictures to events: masks, zones, schedules, lighting, boxes. */
class MotionRulesTest {

    /** 2026-11-23 is a Monday; 03:00 UTC is 10:00 in Asia/Ho_Chi_Minh. */
    private static final Instant MONDAY_10_LOCAL = Instant.parse("2026-11-23T03:00:00Z");

    private final SyntheticFrames frames = new SyntheticFrames();

    /** Runs warm-up frames, then the given boxes one frame each (null = nothing moving), and returns the events. */
    private List<CameraEvent> run(CameraMotionSettings camera, int brightnessFrom, List<Box> moving, int brightnessAfter) {
        MotionDetector detector = new RunningAverageMotionDetector(MotionSettings.DEFAULTS, camera);
        MotionEventTracker tracker = new MotionEventTracker(2, 10, camera.schedule());
        List<CameraEvent> events = new ArrayList<>();
        Instant t = MONDAY_10_LOCAL;
        for (int i = 0; i < 20; i++, t = t.plusMillis(100)) {
            tracker.update(detector.analyse(frames.frame(3, brightnessFrom, null)), t).ifPresent(x -> events.add(x.toEvent("T")));
        }
        for (Box box : moving) {
            t = t.plusMillis(100);
            tracker.update(detector.analyse(frames.frame(3, brightnessAfter, box)), t).ifPresent(x -> events.add(x.toEvent("T")));
        }
        for (int i = 0; i < 30; i++) {
            t = t.plusMillis(100);
            tracker.update(detector.analyse(frames.frame(3, brightnessAfter, null)), t).ifPresent(x -> events.add(x.toEvent("T")));
        }
        return events;
    }

    /** A 40x40 square crossing the lower-left quarter, 8 px a frame, for 20 frames. */
    private static List<Box> squareCrossingLowerLeft() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boxes.add(new Box(20 + 8 * i, 260, 40, 40, 230));
        }
        return boxes;
    }

    @Test
    void aSquareCrossingRaisesOneEventWithItsStartEndAndPeak() {
        List<CameraEvent> events = run(CameraMotionSettings.DEFAULTS, 0, squareCrossingLowerLeft(), 0);
        assertThat(events).extracting(CameraEvent::type).containsExactly(EventType.MOTION_START, EventType.MOTION_END);
        CameraEvent end = events.get(1);
        assertThat(end.startedAt()).isEqualTo(events.get(0).occurredAt());
        assertThat(end.occurredAt()).isAfter(end.startedAt());
        assertThat(end.score()).isGreaterThan(0.005);
        assertThat(end.boxes()).isNotEmpty();
    }

    @Test
    void aLightingStepRaisesNoEvent() {
        assertThat(run(CameraMotionSettings.DEFAULTS, 0, java.util.Collections.nCopies(40, null), 45)).isEmpty();
        assertThat(run(CameraMotionSettings.DEFAULTS, 30, java.util.Collections.nCopies(40, null), -30)).isEmpty();
    }

    @Test
    void aSmallMovingBlobUnderAMaskRaisesNothingButDoesWithoutTheMask() {
        List<Box> clock = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.add(new Box(560 + (i % 3) * 10, 10, 24, 16, i % 2 == 0 ? 250 : 20)); // a blinking, shifting clock
        }
        assertThat(run(CameraMotionSettings.DEFAULTS, 0, clock, 0)).as("unmasked").isNotEmpty();
        CameraMotionSettings masked = CameraMotionSettings.DEFAULTS.withMasks(List.of(Polygon.rectangle(0.85, 0, 0.15, 0.1)));
        assertThat(run(masked, 0, clock, 0)).as("masked").isEmpty();
    }

    @Test
    void aZoneRestrictsMotionToItself() {
        CameraMotionSettings rightHalf = CameraMotionSettings.DEFAULTS.withZones(List.of(Polygon.rectangle(0.5, 0, 0.5, 1)));
        assertThat(run(rightHalf, 0, squareCrossingLowerLeft(), 0)).as("square in the left half").isEmpty();
        List<Box> rightSquare = squareCrossingLowerLeft().stream().map(b -> new Box(b.left() + 380, b.top(), 40, 40, 230)).toList();
        assertThat(run(rightHalf, 0, rightSquare, 0)).extracting(CameraEvent::type)
                .containsExactly(EventType.MOTION_START, EventType.MOTION_END);
    }

    @Test
    void aDisarmedScheduleSuppressesEventsAndAnArmedOneLetsThemThrough() {
        CameraMotionSettings nightOnly = CameraMotionSettings.DEFAULTS.withSchedule(ArmingSchedule.daily(LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThat(run(nightOnly, 0, squareCrossingLowerLeft(), 0)).as("10:00 local, disarmed").isEmpty();
        CameraMotionSettings dayOnly = CameraMotionSettings.DEFAULTS.withSchedule(ArmingSchedule.daily(LocalTime.of(9, 0), LocalTime.of(11, 0)));
        assertThat(run(dayOnly, 0, squareCrossingLowerLeft(), 0)).as("10:00 local, armed").hasSize(2);
    }

    @Test
    void theBoundingBoxFollowsASyntheticMovingSquare() {
        MotionDetector detector = new RunningAverageMotionDetector(MotionSettings.DEFAULTS);
        for (int i = 0; i < 20; i++) {
            detector.analyse(frames.frame(3, 0, null));
        }
        for (int i = 0; i < 15; i++) {
            Box square = new Box(100 + 12 * i, 120, 48, 48, 240);
            MotionSample s = detector.analyse(frames.frame(3, 0, square));
            assertThat(s.motion()).as("frame %d", i).isTrue();
            MotionBox box = s.boxes().get(0);
            double tolerance = 12.0 / SyntheticFrames.W; // three analysis cells: blur spreads an edge by about one
            assertThat(box.x()).as("left, frame %d", i).isCloseTo(square.left() / (double) SyntheticFrames.W, within(tolerance));
            assertThat(box.y()).as("top, frame %d", i).isCloseTo(square.top() / (double) SyntheticFrames.H, within(12.0 / SyntheticFrames.H));
            assertThat(box.x() + box.width()).as("right, frame %d", i)
                    .isCloseTo((square.left() + square.width()) / (double) SyntheticFrames.W, within(tolerance));
            assertThat(box.y() + box.height()).as("bottom, frame %d", i)
                    .isCloseTo((square.top() + square.height()) / (double) SyntheticFrames.H, within(12.0 / SyntheticFrames.H));
        }
    }

    @Test
    void twoSeparateObjectsGiveTwoBoxesLargestFirst() {
        MotionDetector detector = new RunningAverageMotionDetector(MotionSettings.DEFAULTS);
        for (int i = 0; i < 20; i++) {
            detector.analyse(frames.frame(3, 0, null));
        }
        MotionSample s = detector.analyse(frames.frameWith(3, 0, List.of(new Box(40, 200, 80, 40, 20), new Box(500, 60, 24, 48, 240))));
        assertThat(s.boxes()).hasSize(2);
        assertThat(s.boxes().get(0).x()).isLessThan(0.2);
        assertThat(s.boxes().get(1).x()).isGreaterThan(0.75);
    }
}
