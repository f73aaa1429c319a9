package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's journal: order, acknowledgement, restarts, torn and damaged files, its bound. */
class EventJournalTest extends JournalFixture {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void eventsComeBackInOrderAcrossRestartsUntilAcknowledgedAndAcknowledgedSegmentsGo() throws IOException {
        List<CameraEvent> appended = new ArrayList<>();
        try (EventJournal journal = open()) {
            for (int i = 0; i < 300; i++) {
                CameraEvent e = motion("QL-0" + (i % 3), T0.plusSeconds(i));
                assertThat(journal.append(e)).isEqualTo(i + 1);
                appended.add(e);
            }
            assertThat(segments(dir)).as("300 events of ~200 bytes in 8 KiB segments").hasSizeGreaterThan(5);
            journal.acknowledge(100);
            assertThat(journal.isPending(appended.get(99).id())).isFalse();
            assertThat(journal.isPending(appended.get(100).id())).isTrue();
            assertThatThrownBy(() -> journal.acknowledge(301)).isInstanceOf(IllegalArgumentException.class);
            journal.acknowledge(50); // backwards: nothing
        }
        try (EventJournal journal = open()) {
            List<EventJournal.Entry> pending = journal.peek(1000);
            assertThat(pending).hasSize(200);
            assertThat(pending.get(0).sequence()).isEqualTo(101);
            assertThat(ids(pending)).containsExactlyElementsOf(appended.subList(100, 300).stream().map(CameraEvent::id).toList());
            assertThat(pending.get(0).event()).isEqualTo(appended.get(100));
            assertThat(journal.append(motion("QL-01", T0.plusSeconds(301)))).as("sequences go on").isEqualTo(301);
            assertThat(journal.figures().appended()).as("events made since the journal began").isEqualTo(301);
            assertThat(journal.figures().oldestPending()).isEqualTo(T0.plusSeconds(100));
            int before = segments(dir).size();
            journal.acknowledge(301);
            assertThat(journal.figures().pending()).isZero();
            assertThat(journal.figures().oldestPending()).isNull();
            assertThat(segments(dir)).as("only the segment being written stays").hasSize(1).hasSizeLessThan(before);
        }
        try (EventJournal journal = open()) {
            assertThat(journal.peek(10)).isEmpty();
            assertThat(journal.append(motion("QL-02", T0))).isEqualTo(302);
        }
    }

    @Test
    void aWriteTornByACrashIsCutAwayAtEveryPlaceItCanTear() throws IOException {
        List<UUID> first = new ArrayList<>();
        try (EventJournal journal = open()) {
            for (int i = 0; i < 5; i++) {
                CameraEvent e = motion("QL-01", T0.plusSeconds(i));
                journal.append(e);
                first.add(e.id());
            }
        }
        Path segment = segments(dir).get(0);
        long whole = Files.size(segment);
        byte[] copy = Files.readAllBytes(segment);
        long lastRecordStart = lastRecordStart(copy);
        for (long cut = lastRecordStart + 1; cut < whole; cut += 7) {
            Files.write(segment, copy);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            try (EventJournal journal = open()) {
                assertThat(ids(journal.peek(10))).as("cut at " + cut).containsExactlyElementsOf(first.subList(0, 4));
                assertThat(journal.append(motion("QL-02", T0))).as("the torn record's sequence is reused").isEqualTo(5);
            }
            Files.list(dir).filter(f -> !f.equals(segment)).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void aDamagedSegmentLosesOnlyWhatFollowsTheDamageInIt() throws IOException {
        List<UUID> all = new ArrayList<>();
        try (EventJournal journal = open()) {
            for (int i = 0; i < 200; i++) {
                CameraEvent e = motion("QL-01", T0.plusSeconds(i));
                journal.append(e);
                all.add(e.id());
            }
        }
        List<Path> segments = segments(dir);
        Path damaged = segments.get(1);
        long size = Files.size(damaged);
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(size / 2);
            f.write(new byte[]{0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A});
        }
        try (EventJournal journal = open()) {
            List<UUID> back = ids(journal.peek(1000));
            assertThat(back).as("the first segment whole").startsWith(all.subList(0, 20).toArray(UUID[]::new));
            assertThat(back).as("every later segment whole").containsAll(all.subList(all.size() - 100, all.size()));
            assertThat(back.size()).isLessThan(200).isGreaterThan(150);
            assertThat(Files.size(damaged)).as("a damaged segment in the middle is not cut").isEqualTo(size);
        }
    }

    @Test
    void aFullJournalDropsItsOldestSegmentCountsItAndRaisesTheAlarm() throws IOException {
        JournalSettings tiny = SMALL.withMaxBytes(32 * 1024);
        List<UUID> all = new ArrayList<>();
        try (EventJournal journal = EventJournal.open(dir, tiny)) {
            for (int i = 0; i < 1000; i++) {
                CameraEvent e = motion("QL-01", T0.plusSeconds(i));
                journal.append(e);
                all.add(e.id());
            }
            JournalFigures figures = journal.figures();
            assertThat(figures.bytes()).isLessThanOrEqualTo(32 * 1024);
            assertThat(figures.dropped()).isPositive();
            assertThat(figures.pending() + figures.dropped()).isEqualTo(1000);
            assertThat(figures.alarm()).isTrue();
            List<UUID> kept = ids(journal.peek(1000));
            assertThat(kept).as("the newest are kept").endsWith(all.get(999)).doesNotContain(all.get(0));
            assertThat(kept).containsExactlyElementsOf(all.subList(1000 - kept.size(), 1000));
        }
        try (EventJournal journal = EventJournal.open(dir.resolve("fresh"), tiny)) {
            journal.append(motion("QL-01", T0));
            assertThat(journal.figures().alarm()).as("far below the threshold").isFalse();
        }
    }

    @Test
    void aDayOfACommunesEventsWaitsWholeAndComesBackInOrder() throws IOException {
        // 11 cameras, a motion start and end every 20 minutes each, an offline and online twice a day: a
        // busy rural commune's day, with the link down all of it
        List<CameraEvent> day = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            for (int c = 1; c <= 11; c++) {
                Instant at = T0.plus(Duration.ofMinutes(minute)).plusSeconds(c);
                if ((minute + c) % 20 == 0) {
                    day.add(motion("QL-" + c, at));
                    day.add(motion("QL-" + c, at.plusSeconds(8)));
                }
                if ((minute + c * 37) % 720 == 0) {
                    day.add(offline("QL-" + c, at));
                }
            }
        }
        try (EventJournal journal = EventJournal.open(dir, JournalSettings.DEFAULTS.withMinFreeDisk(0))) {
            day.forEach(journal::append);
        }
        try (EventJournal journal = EventJournal.open(dir, JournalSettings.DEFAULTS.withMinFreeDisk(0))) {
            assertThat(journal.figures().pending()).isEqualTo(day.size());
            assertThat(journal.figures().dropped()).isZero();
            assertThat(journal.figures().alarm()).isFalse();
            assertThat(journal.figures().oldestPending()).isEqualTo(day.get(0).occurredAt());
            List<CameraEvent> back = new ArrayList<>();
            while (back.size() < day.size()) {
                List<EventJournal.Entry> batch = journal.peek(500);
                batch.forEach(e -> back.add(e.event()));
                journal.acknowledge(batch.get(batch.size() - 1).sequence());
            }
            assertThat(back).containsExactlyElementsOf(day);
        }
    }

    @Test
    void camerasAppendingAtOnceGetUniqueGaplessSequences() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (EventJournal journal = open()) {
            for (int t = 0; t < 4; t++) {
                String camera = "QL-0" + t;
                pool.execute(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 250; i++) {
                            sequences.add(journal.append(motion(camera, T0.plusMillis(i))));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            Set<Long> unique = new HashSet<>(sequences);
            assertThat(unique).hasSize(1000);
            assertThat(unique).allMatch(s -> s >= 1 && s <= 1000);
            assertThat(journal.peek(2000)).hasSize(1000);
        }
        try (EventJournal journal = open()) {
            assertThat(journal.peek(2000)).extracting(EventJournal.Entry::sequence).isSorted().hasSize(1000);
        }
    }

    /** Where the last record of a segment begins, walking the length fields. */
    private static long lastRecordStart(byte[] segment) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(segment);
        long last = 0;
        while (b.remaining() >= JournalRecord.HEADER) {
            last = b.position();
            int length = b.getInt();
            b.position(b.position() + 4 + length);
        }
        return last;
    }
}
