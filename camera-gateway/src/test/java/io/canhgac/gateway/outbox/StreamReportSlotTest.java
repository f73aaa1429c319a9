package io.canhgac.gateway.outbox;

import io.canhgac.contract.StreamReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest stream figures per camera, kept until the centre takes them. */
class StreamReportSlotTest extends JournalFixture {

    @Test
    void onlyTheNewestPerCameraWaitsAndSurvivesARestart() throws Exception {
        Instant t = Instant.parse("2026-12-07T01:00:00Z");
        StreamReportSlot slot = new StreamReportSlot(dir.resolve("figures.json"));
        assertThat(slot.take()).isEmpty();
        for (int period = 0; period < 100; period++) {
            slot.put(List.of(figures("QL-01", period, t.plusSeconds(5L * period)), figures("QL-02", 9.5, t.plusSeconds(5L * period))));
        }
        slot.put(List.of(figures("QL-03", 10, t)));
        StreamReportSlot again = new StreamReportSlot(dir.resolve("figures.json"));
        StreamReportSlot.Taken taken = again.take().orElseThrow();
        assertThat(taken.reports()).extracting(StreamReport::cameraId).containsExactly("QL-01", "QL-02", "QL-03");
        assertThat(taken.reports().get(0).framesPerSecond()).as("the newest").isEqualTo(99);
    }

    @Test
    void anAcknowledgementClearsOnlyWhatWasTaken() throws Exception {
        Instant t = Instant.parse("2026-12-07T01:00:00Z");
        StreamReportSlot slot = new StreamReportSlot(dir.resolve("figures.json"));
        slot.put(List.of(figures("QL-01", 10, t)));
        StreamReportSlot.Taken first = slot.take().orElseThrow();
        slot.put(List.of(figures("QL-01", 8, t.plusSeconds(5))));
        slot.acknowledge(first.version());
        assertThat(slot.take()).as("newer figures came meanwhile: kept").isPresent();
        slot.acknowledge(slot.take().orElseThrow().version());
        assertThat(slot.take()).isEmpty();
        assertThat(new StreamReportSlot(dir.resolve("figures.json")).take()).as("cleared on disk too").isEmpty();
    }
}
