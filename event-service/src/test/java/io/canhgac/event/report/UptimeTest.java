package io.canhgac.event.report;

import io.canhgac.contract.CameraStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UptimeTest {

    private static final Instant FROM = Instant.parse("2026-11-19T17:00:00Z"); // midnight in Hà Nội time
    private static final Instant TO = FROM.plus(Duration.ofDays(1));

    private static Uptime.Change at(int hours, CameraStatus status) {
        return new Uptime.Change(FROM.plus(Duration.ofHours(hours)), status);
    }

    @Test
    void theStatusCarriedOverMidnightCountsUntilTheFirstChange() {
        Uptime u = Uptime.over(FROM, TO, CameraStatus.ONLINE, List.of(at(6, CameraStatus.OFFLINE), at(9, CameraStatus.ONLINE)));
        assertThat(u.online()).isEqualTo(Duration.ofHours(21));
        assertThat(u.down()).isEqualTo(Duration.ofHours(3));
        assertThat(u.unknown()).isZero();
        assertThat(u.uptime()).isCloseTo(21 / 24.0, within(1e-9));
        assertThat(u.uptimeOfKnown()).isCloseTo(21 / 24.0, within(1e-9));
    }

    @Test
    void timeBeforeAnyKnownStatusIsUnknownAndCountsAsNotUpOverTheWholeDay() {
        Uptime u = Uptime.over(FROM, TO, null, List.of(at(12, CameraStatus.ONLINE)));
        assertThat(u.unknown()).isEqualTo(Duration.ofHours(12));
        assertThat(u.online()).isEqualTo(Duration.ofHours(12));
        assertThat(u.uptime()).isCloseTo(0.5, within(1e-9));
        assertThat(u.uptimeOfKnown()).isCloseTo(1.0, within(1e-9));
        assertThat(Uptime.over(FROM, TO, CameraStatus.UNKNOWN, List.of()).uptimeOfKnown()).isNull();
        assertThat(Uptime.over(FROM, TO, null, List.of()).uptime()).isZero();
    }

    @Test
    void degradedAndUnauthorizedAreDownAndChangesOutsideThePeriodAreIgnored() {
        Uptime u = Uptime.over(FROM, TO, CameraStatus.OFFLINE, List.of(
                new Uptime.Change(FROM.minusSeconds(1), CameraStatus.ONLINE),
                at(2, CameraStatus.DEGRADED), at(4, CameraStatus.UNAUTHORIZED), at(8, CameraStatus.ONLINE),
                new Uptime.Change(TO, CameraStatus.OFFLINE)));
        assertThat(u.down()).isEqualTo(Duration.ofHours(8));
        assertThat(u.online()).isEqualTo(Duration.ofHours(16));
        assertThat(u.period()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void anEmptyPeriodHasNoUptime() {
        assertThat(Uptime.over(FROM, FROM, CameraStatus.ONLINE, List.of()).uptime()).isNull();
    }
}
