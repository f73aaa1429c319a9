package io.canhgac.gateway.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.canhgac.gateway.recording.RecordingFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Segments, the index and its gaps, from a camera's packets: cut at keyframes, outages, a kill in the middle of a segment. */
class RecordingIndexTest extends RecordingTestBase {


    @Test
    void segmentsStartAtAKeyframeAfterTheirLengthAndJoinIntoOneSpan() throws IOException {
        record(settings());
        Instant t0 = NOW.minusSeconds(60);
        fixture.camera("QL-01").send(t0, 35.55).disconnect();

        List<Segment> segments = fixture.recording.archive("QL-01").finishedSegments();
        assertThat(segments).hasSize(4);
        for (Segment s : segments) {
            try (SegmentReader r = SegmentReader.open(s.file())) {
                SegmentReader.Sample first = r.next();
                assertThat(first.keyframe()).as("segment %s starts with a keyframe", s.file().getFileName()).isTrue();
                assertThat(first.decodeTicks()).isZero();
            }
        }
        assertThat(Duration.between(segments.get(0).start(), segments.get(0).end())).isEqualTo(Duration.ofSeconds(10));
        assertThat(segments.get(1).start()).as("segments end to end").isEqualTo(segments.get(0).end());

        LinkReply.Recorded recorded = fixture.recorded("QL-01", NOW.minusSeconds(3600), NOW);
        assertThat(recorded.spans()).containsExactly(new RecordedSpan(t0, t0.plusMillis(35_600), "main"));
        assertThat(recorded.oldest()).isEqualTo(t0);
        assertThat(recorded.gaps()).extracting(RecordingGap::reason).as("silent since: up to now").containsExactly("CAMERA_OFFLINE");
    }

    @Test
    void aCameraOutageIsAGapWithItsReasonAndSurvivesARestart() {
        record(settings());
        Instant t0 = NOW.minusSeconds(120);
        SyntheticCamera camera = fixture.camera("QL-01").send(t0, 12);
        camera.disconnect();
        camera.connect().send(t0.plusSeconds(40), 12);

        RecordingGap outage = new RecordingGap(t0.plusMillis(12_000), t0.plusSeconds(40), "CAMERA_OFFLINE");
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(50)).gaps()).containsExactly(outage);

        fixture.open(); // the index is rebuilt from the folder
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(50)).gaps()).containsExactly(outage);
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(50)).spans()).hasSize(2);
    }

    @Test
    void aSegmentCutShortByAKillIsRepairedAtStartAndTheDowntimeIsTheGateways() throws IOException {
        record(settings());
        Instant t0 = NOW.minusSeconds(300);
        fixture.camera("QL-01").send(t0, 14.5); // no disconnect: the process dies with a segment open
        Path part = partFile();
        long whole = Files.size(part);
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.truncate(whole - 50); // the kill cut the last fragment in the middle
        }

        fixture.open();
        assertThat(partFiles()).as("repaired and renamed").isEmpty();
        LinkReply.Recorded recorded = fixture.recorded("QL-01", t0, NOW);
        // pictures 0-143 were written (144 held back), the kill cut 143: the span ends where 142 does
        assertThat(recorded.spans()).hasSize(1);
        assertThat(recorded.spans().get(0).end()).isEqualTo(t0.plusMillis(14_300));
        try (Stream<Path> files = Files.list(dir.resolve("recordings/QL-01"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".mp4")).count()).isEqualTo(2);
        }

        fixture.camera("QL-01").send(t0.plusSeconds(100), 11).disconnect();
        assertThat(fixture.recorded("QL-01", t0, t0.plusSeconds(111)).gaps())
                .containsExactly(new RecordingGap(t0.plusMillis(14_300), t0.plusSeconds(100), "GATEWAY_DOWN"));
    }

    private Path partFile() throws IOException {
        return partFiles().get(0);
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("recordings/QL-01"))) {
            return files.filter(f -> f.toString().endsWith(".part")).toList();
        }
    }
}
