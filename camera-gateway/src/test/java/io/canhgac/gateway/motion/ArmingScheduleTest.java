package io.canhgac.gateway.motion;

import io.canhgac.contract.registry.MotionSettings;
import io.canhgac.gateway.publish.GatewayJson;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmingScheduleTest {

    @Test
    void windowsAreReadInTheDistrictsTimeZoneAndMayRunPastMidnight() {
        ArmingSchedule nights = ArmingSchedule.daily(LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(nights.armedAt(Instant.parse("2026-11-22T15:30:00Z"))).as("22:30 local").isTrue();
        assertThat(nights.armedAt(Instant.parse("2026-11-22T22:59:00Z"))).as("05:59 local").isTrue();
        assertThat(nights.armedAt(Instant.parse("2026-11-22T23:00:00Z"))).as("06:00 local").isFalse();
        assertThat(nights.armedAt(Instant.parse("2026-11-22T14:59:00Z"))).as("21:59 local").isFalse();
    }

    @Test
    void aWeekdayWindowCoversOnlyItsDay() {
        ArmingSchedule saturday = new ArmingSchedule(ArmingSchedule.DISTRICT_ZONE,
                List.of(new ArmingSchedule.Window(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))));
        assertThat(saturday.armedAt(Instant.parse("2026-11-21T02:00:00Z"))).as("Saturday 09:00 local").isTrue();
        assertThat(saturday.armedAt(Instant.parse("2026-11-22T02:00:00Z"))).as("Sunday 09:00 local").isFalse();
        assertThat(ArmingSchedule.ALWAYS.armedAt(Instant.parse("2026-11-22T02:00:00Z"))).isTrue();
    }

    @Test
    void settingsAreBounded() {
        assertThatThrownBy(() -> CameraMotionSettings.DEFAULTS.withSensitivity(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Polygon.rectangle(0.9, 0.9, 0.2, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Polygon(List.of(new Polygon.Point(0, 0), new Polygon.Point(1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        Polygon triangle = new Polygon(List.of(new Polygon.Point(0, 0), new Polygon.Point(1, 0), new Polygon.Point(0, 1)));
        assertThat(triangle.contains(0.2, 0.2)).isTrue();
        assertThat(triangle.contains(0.8, 0.8)).isFalse();
    }

    @Test
    void theCentresWireFormBecomesTheDetectorsSettings() throws Exception {
        // as the centre's registry sends it inside a camera assignment
        MotionSettings wire = GatewayJson.mapper().readValue("""
                {"sensitivity":7,"zones":[{"points":[{"x":0.1,"y":0.1},{"x":0.9,"y":0.1},{"x":0.5,"y":0.9}]}],
                 "masks":[{"points":[{"x":0,"y":0},{"x":0.2,"y":0},{"x":0.2,"y":0.1},{"x":0,"y":0.1}]}],
                 "schedule":{"zone":"Asia/Ho_Chi_Minh","windows":[{"day":"SATURDAY","from":"22:00","to":"06:00"}]}}
                """, MotionSettings.class);
        CameraMotionSettings settings = CameraMotionSettings.from(wire);
        assertThat(settings.sensitivity()).isEqualTo(7);
        assertThat(settings.inZone(0.5, 0.3)).isTrue();
        assertThat(settings.inZone(0.05, 0.8)).isFalse();
        assertThat(settings.masked(0.1, 0.05)).isTrue();
        assertThat(settings.schedule().armedAt(Instant.parse("2026-11-21T15:30:00Z"))).as("Saturday 22:30 local").isTrue();
        assertThat(settings.schedule().armedAt(Instant.parse("2026-11-21T23:30:00Z"))).as("Sunday 06:30 local").isFalse();
        assertThat(CameraMotionSettings.from(null)).isEqualTo(CameraMotionSettings.DEFAULTS);
    }
}
