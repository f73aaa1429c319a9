package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.camera.Backoff;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox's delivery: in order, gzipped, kept through an outage and a restart, one bad event set aside. */
class OutboxPublisherTest extends JournalFixture {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private OutboxPublisher publisher(EventJournal journal, FakeIngest centre) throws Exception {
        return OutboxPublisher.start(journal, new StreamReportSlot(dir.resolve("figures.json")), centre.client(),
                Duration.ofSeconds(5), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), dir.resolve("refused.jsonl"));
    }

    @Test
    void eventsWaitThroughAnOutageAndARestartAndArriveOnceInOrderGzipped() throws Exception {
        List<UUID> made = new ArrayList<>();
        try (FakeIngest centre = new FakeIngest()) {
            centre.down = true;
            try (EventJournal journal = open(); OutboxPublisher outbox = publisher(journal, centre)) {
                for (int i = 0; i < 1200; i++) {
                    CameraEvent e = motion("QL-0" + (i % 4), T0.plusSeconds(i));
                    outbox.accept(e);
                    made.add(e.id());
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> centre.bytesReceived.get() > 0);
                assertThat(outbox.pending()).isEqualTo(1200);
            } // the gateway stops during the outage
            centre.down = false;
            centre.bytesReceived.set(0);
            try (EventJournal journal = open(); OutboxPublisher outbox = publisher(journal, centre)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pending() == 0);
                assertThat(outbox.isPending(made.get(0))).isFalse();
            }
            assertThat(centre.stored).containsExactlyElementsOf(made);
            assertThat(centre.batches.get()).as("batches of at most 500").isGreaterThanOrEqualTo(3);
            long json = 1200L * 190; // each event is about 190 bytes of JSON
            assertThat(centre.bytesReceived.get()).as("gzipped: a fraction of the JSON").isLessThan(json / 3);
        }
    }

    @Test
    void aBatchTheCentreRefusesIsSentOneByOneAndOnlyTheRefusedEventIsSetAside() throws Exception {
        try (FakeIngest centre = new FakeIngest(); EventJournal journal = open()) {
            centre.refusedCamera = "GONE-1";
            List<UUID> good = new ArrayList<>();
            CameraEvent bad = motion("GONE-1", T0.plusSeconds(5));
            try (OutboxPublisher outbox = publisher(journal, centre)) {
                centre.down = true; // all ten in one batch
                for (int i = 0; i < 10; i++) {
                    CameraEvent e = i == 5 ? bad : motion("QL-01", T0.plusSeconds(i));
                    outbox.accept(e);
                    if (i != 5) {
                        good.add(e.id());
                    }
                }
                centre.down = false;
                await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
            }
            assertThat(centre.stored).containsExactlyElementsOf(good);
            assertThat(Files.readString(dir.resolve("refused.jsonl"))).contains(bad.id().toString()).contains("GONE-1");
        }
    }

    @Test
    void streamFiguresFollowTheEventsNewestPerCamera() throws Exception {
        try (FakeIngest centre = new FakeIngest(); EventJournal journal = open()) {
            centre.down = true;
            try (OutboxPublisher outbox = publisher(journal, centre)) {
                outbox.accept(motion("QL-01", T0));
                for (int period = 1; period <= 50; period++) {
                    StreamReport report = figures("QL-01", period, T0.plusSeconds(5L * period));
                    outbox.streamReports(List.of(report));
                }
                centre.down = false;
                await().atMost(Duration.ofSeconds(10)).until(() -> !centre.figures.isEmpty());
                assertThat(centre.stored).as("the event first").hasSize(1);
            }
            assertThat(centre.figures).hasSize(1);
            assertThat(centre.figures.get(0).get("framesPerSecond").asDouble()).isEqualTo(50);
        }
    }
}
