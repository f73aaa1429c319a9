package io.canhgac.gateway.publish;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.video.StreamMeter;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The stream figures' reporter: every period, every camera's figures to the outbox. */
class StreamStatsReporterTest {

    private static StreamReport report(String camera, double fps) {
        return new StreamReport(camera, Instant.parse("2026-11-22T03:00:05Z"), CameraStatus.ONLINE, fps, 412_000,
                Instant.parse("2026-11-22T03:00:04.900Z"), 1234, 567_890, "h264", 640, 360, 2, 7);
    }

    @Test
    void handsAllCamerasToTheOutboxEachPeriod() {
        List<List<StreamReport>> handed = new CopyOnWriteArrayList<>();
        try (StreamStatsReporter reporter = new StreamStatsReporter(Duration.ofMillis(200),
                () -> List.of(report("QL-01", 10.0), report("QL-02", 0)), handed::add).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> handed.size() >= 2);
        }
        assertThat(handed.get(0)).extracting(StreamReport::cameraId).containsExactly("QL-01", "QL-02");
    }

    @Test
    void nothingIsHandedWithoutCamerasAndAFailingSupplierDoesNotStopTheTimer() {
        AtomicInteger calls = new AtomicInteger();
        List<List<StreamReport>> handed = new CopyOnWriteArrayList<>();
        try (StreamStatsReporter reporter = new StreamStatsReporter(Duration.ofMillis(200), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a camera went away mid-read");
            }
            return List.of();
        }, handed::add).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
            assertThat(reporter.report()).isTrue();
        }
        assertThat(handed).isEmpty();
    }

    @Test
    void theMeterKeepsTheStreamsCodecAndSizeAcrossAReconnect() {
        StreamMeter meter = new StreamMeter(Duration.ofSeconds(5));
        assertThat(meter.parameters()).isNull();
        meter.opened(new StreamParameters(27, "h264", 640, 360, new byte[0], 1, 90_000));
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            meter.packet(new VideoPacket(new byte[1000], i * 9000L, i * 9000L, i == 0, start.plusMillis(100L * i)));
        }
        assertThat(meter.stats().frames()).isEqualTo(3);
        assertThat(meter.stats().framesPerSecond()).isGreaterThan(0);
        meter.closed();
        assertThat(meter.parameters().width()).isEqualTo(640);
        assertThat(meter.parameters().codecName()).isEqualTo("h264");
        assertThat(meter.stats().bytes()).isEqualTo(3000);
        assertThat(meter.stats().framesPerSecond()).as("no rate while closed").isCloseTo(0, within(0.0));
    }
}
