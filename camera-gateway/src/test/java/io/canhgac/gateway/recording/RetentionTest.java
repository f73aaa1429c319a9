package io.canhgac.gateway.recording;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.canhgac.gateway.recording.RecordingFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** What is kept: days per camera, the gateway's quota oldest first, incident holds, and the disk guard. */
class RetentionTest extends RecordingTestBase {

    private static final Duration DAY = Duration.ofDays(1);


    @Test
    void segmentsOlderThanTheirCamerasDaysGoAndTheTimelineSaysRetention() {
        record(settings().withRetention(7, Map.of("QL-02", 2)));
        Instant old = NOW.minus(DAY.multipliedBy(3));
        fixture.camera("QL-01").send(old, 20.5).disconnect();
        fixture.camera("QL-02").send(old, 20.5).disconnect();
        fixture.camera("QL-02").send(NOW.minusSeconds(600), 20.5).disconnect();

        fixture.recording.sweepNow();

        assertThat(fixture.recorded("QL-01", old, NOW).oldest()).as("7 days: kept").isEqualTo(old);
        LinkReply.Recorded two = fixture.recorded("QL-02", old, NOW);
        assertThat(two.oldest()).as("2 days: the old minutes went").isEqualTo(NOW.minusSeconds(600));
        assertThat(two.spans()).extracting(RecordedSpan::start).containsExactly(NOW.minusSeconds(600));
        assertThat(two.gaps()).first().isEqualTo(new RecordingGap(old, NOW.minusSeconds(600), "RETENTION"));
    }

    @Test
    void overTheQuotaTheOldestSegmentOfAnyCameraGoesFirst() {
        // 20 KB pictures: 2 MB per 10 s segment; a 9 MB quota holds four of the six
        record(settings().withDisk(9L << 20, 0));
        new SyntheticCamera(fixture.recording.recorder("QL-01"), 20_000).connect().send(NOW.minusSeconds(300), 20).disconnect();
        new SyntheticCamera(fixture.recording.recorder("QL-02"), 20_000).connect().send(NOW.minusSeconds(200), 20).disconnect();
        new SyntheticCamera(fixture.recording.recorder("QL-01"), 20_000).connect().send(NOW.minusSeconds(100), 20).disconnect();

        fixture.recording.sweepNow();

        assertThat(fixture.recording.bytes()).isLessThanOrEqualTo(9L << 20);
        assertThat(fixture.recorded("QL-01", NOW.minusSeconds(400), NOW).oldest()).as("its first recording went")
                .isEqualTo(NOW.minusSeconds(100));
        assertThat(fixture.recorded("QL-02", NOW.minusSeconds(400), NOW).oldest()).isEqualTo(NOW.minusSeconds(200));
    }

    @Test
    void aHeldRangeOutlivesRetentionUntilItsIncidentReleasesIt() {
        record(settings().withRetention(1, Map.of()));
        Instant t0 = NOW.minusSeconds(3600);
        fixture.camera("QL-01").send(t0, 30.05).disconnect();
        UUID incident = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant heldFrom = t0.plusSeconds(12);
        Instant heldTo = t0.plusSeconds(15);
        assertThat(fixture.recording.hold(new LinkRequest.RecordingHold(1, incident, "QL-01", heldFrom, heldTo, true)))
                .isEqualTo(new LinkReply.Done(1));
        fixture.recording.hold(new LinkRequest.RecordingHold(2, other, "QL-01", heldFrom, heldTo, true));

        fixture.clock.set(NOW.plus(DAY.multipliedBy(3)));
        fixture.open(); // the holds are on disk: a restart keeps them
        fixture.recording.sweepNow();
        LinkReply.Recorded kept = fixture.recorded("QL-01", t0, t0.plusSeconds(40));
        assertThat(kept.spans()).as("the held segment only").containsExactly(
                new RecordedSpan(t0.plusSeconds(10), t0.plusSeconds(20), "main"));

        fixture.recording.hold(new LinkRequest.RecordingHold(3, incident, "QL-01", heldFrom, heldTo, false));
        fixture.recording.sweepNow();
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(40)).spans()).as("another incident still holds it").hasSize(1);

        fixture.recording.hold(new LinkRequest.RecordingHold(4, other, "QL-01", heldFrom, heldTo, false));
        fixture.recording.sweepNow();
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(40)).spans()).isEmpty();
    }

    @Test
    void theDiskGuardStopsRecordingWithAHealthAlertAndResumesWhenSpaceReturns() {
        record(settings());
        Instant t0 = NOW.minusSeconds(120);
        SyntheticCamera camera = fixture.camera("QL-01").send(t0, 12);

        fixture.freeBytes.set(50L << 20); // below the 100 MB floor
        fixture.recording.sweepNow();
        camera.send(t0.plusSeconds(12), 20);
        assertThat(fixture.recording.recordingAllowed()).isFalse();
        assertThat(fixture.health).singleElement().satisfies(e -> {
            assertThat(e.cameraId()).isEqualTo("QL-01");
            assertThat(e.status()).isEqualTo(CameraStatus.DEGRADED);
            assertThat(e.detail()).contains("recording stopped", "50 MB free");
        });

        fixture.freeBytes.set(105L << 20); // above the floor, not yet past its margin: still stopped
        fixture.recording.sweepNow();
        assertThat(fixture.recording.recordingAllowed()).isFalse();
        fixture.freeBytes.set(200L << 20);
        fixture.recording.sweepNow();
        camera.send(t0.plusSeconds(32), 12).disconnect();

        assertThat(fixture.health).extracting(CameraEvent::status).containsExactly(CameraStatus.DEGRADED, CameraStatus.ONLINE);
        LinkReply.Recorded recorded = fixture.recorded("QL-01", t0, t0.plusSeconds(44));
        assertThat(recorded.spans()).hasSize(2);
        assertThat(recorded.gaps()).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo("DISK_GUARD");
            assertThat(g.start()).isEqualTo(t0.plusMillis(12_000)); // the picture held back at the stop is written
            assertThat(g.end()).isEqualTo(t0.plusSeconds(32));
        });
    }
}
