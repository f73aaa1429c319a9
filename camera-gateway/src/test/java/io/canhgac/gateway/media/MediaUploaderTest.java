package io.canhgac.gateway.media;

import io.canhgac.gateway.centre.CentreClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static io.canhgac.gateway.media.TestMedia.content;
import static io.canhgac.gateway.media.TestMedia.settings;
import static io.canhgac.gateway.media.TestMedia.spool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The uploader against a stand-in centre on loopback: the wire, events first, the lanes, refusals. */
class MediaUploaderTest extends MediaUploaderFixture {


    private MediaUploader start(MediaSpool spool, CentreClient client, MediaUploadSettings settings,
                                Predicate<UUID> eventPending, BooleanSupplier eventsWaiting) {
        uploader = new MediaUploader(spool, client, settings, eventPending, eventsWaiting, () -> Long.MAX_VALUE).start();
        return uploader;
    }

    private MediaUploader start(MediaSpool spool) {
        return start(spool, centre.client(), settings(), e -> false, () -> false);
    }

    private int firstRequest(UUID id) {
        List<FakeCentre.Request> all = centre.requests;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private int lastRequest(UUID id) {
        List<FakeCentre.Request> all = centre.requests;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void mediaSpooledWhileTheCentreIsDownGoesUpInChunksWhenItComesBack() throws Exception {
        MediaSpool spool = new MediaSpool(dir);
        byte[] clipBytes = content(100_000, 1);
        byte[] jpeg = content(3_000, 2);
        SpooledMedia clip = spool(spool, clipBytes, "CLIP", 0);
        SpooledMedia snapshot = spool(spool, jpeg, "SNAPSHOT", 1);
        int port = FakeCentre.freePort();
        start(spool, FakeCentre.client(port), settings(), e -> false, () -> false);

        Thread.sleep(1000); // several attempts against a closed port
        assertThat(uploader.figures().pending()).as("nothing lost while the link is down").isEqualTo(2);
        assertThat(uploader.figures().bytes()).isEqualTo(103_000);
        assertThat(spool.file(clip)).exists();

        centre = FakeCentre.start(port);
        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.size() == 2 && uploader.figures().pending() == 0);
        assertThat(centre.stored.get(clip.id())).isEqualTo(clipBytes);
        assertThat(centre.stored.get(snapshot.id())).isEqualTo(jpeg);
        List<FakeCentre.Request> chunks = centre.requestsFor(clip.id()).stream().filter(FakeCentre.Request::isChunk).toList();
        assertThat(chunks).as("100,000 bytes in 16 KiB chunks").hasSize(7).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(16 << 10));
        FakeCentre.Request first = chunks.get(0);
        assertThat(first.authorization()).isEqualTo("Bearer gw-token");
        assertThat(first.contentType()).isEqualTo("application/octet-stream");
        assertThat(first.query()).containsEntry("eventId", clip.eventId().toString()).containsEntry("cameraId", "CAM-7")
                .containsEntry("kind", "CLIP").containsEntry("capturedAt", "2026-11-22T01:02:03Z")
                .containsEntry("size", "100000").containsEntry("offset", "0")
                .containsEntry("sha256", FakeCentre.sha256(clipBytes));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .as("spool emptied once delivered").isEmpty();
        }
    }

    @Test
    void nothingIsAskedOfTheCentreWhileTheEventIsPendingThenItGoes() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        UUID event = UUID.randomUUID();
        Set<UUID> pending = ConcurrentHashMap.newKeySet();
        pending.add(event);
        SpooledMedia snapshot = spool(spool, content(2_000, 3), "SNAPSHOT", event, 0);
        SpooledMedia clip = spool(spool, content(40_000, 4), "CLIP", event, 1);
        start(spool, centre.client(), settings(), pending::contains, () -> false);

        Thread.sleep(700);
        assertThat(centre.requests).as("not even a question while the event is not acknowledged").isEmpty();
        assertThat(uploader.figures().pending()).isEqualTo(2);

        pending.remove(event); // the outbox got the centre's acknowledgement
        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.keySet().containsAll(List.of(snapshot.id(), clip.id())));
    }

    @Test
    void snapshotsGoBeforeQueuedClips() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        SpooledMedia clip = spool(spool, content(100_000, 5), "CLIP", 0);
        SpooledMedia snapshot = spool(spool, content(5_000, 6), "SNAPSHOT", 1);
        start(spool);
        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.size() == 2);
        assertThat(lastRequest(snapshot.id())).as("the newer snapshot went before the older clip began")
                .isLessThan(firstRequest(clip.id()));
    }

    @Test
    void aSnapshotArrivingDuringAClipWaitsAtMostOneChunk() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        // 16 KiB chunks at 512 kbit/s: a quarter of a second each, the clip four seconds
        SpooledMedia clip = spool(spool, content(256 << 10, 7), "CLIP", 0);
        start(spool, centre.client(), settings().withBudget(512_000), e -> false, () -> false);
        await().atMost(Duration.ofSeconds(5)).until(() -> centre.requestsFor(clip.id()).stream().filter(FakeCentre.Request::isChunk).count() >= 3);

        int mark = centre.requests.size();
        SpooledMedia snapshot = spool(spool, content(10_000, 8), "SNAPSHOT", 1);
        await().atMost(Duration.ofSeconds(3)).until(() -> centre.stored.containsKey(snapshot.id()));
        assertThat(centre.stored).as("the clip is still going").doesNotContainKey(clip.id());
        long clipChunksBefore = centre.requests.subList(mark, firstRequest(snapshot.id())).stream()
                .filter(r -> r.id().equals(clip.id())).count();
        assertThat(clipChunksBefore).as("clip chunks between the snapshot's arrival and its upload").isLessThanOrEqualTo(1);
    }

    @Test
    void wantedClipsJumpTheQueueThenTheOldestGoFirst() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        SpooledMedia a = spool(spool, content(40_000, 9), "CLIP", 0);
        SpooledMedia b = spool(spool, content(40_000, 10), "CLIP", 1);
        SpooledMedia c = spool(spool, content(40_000, 11), "CLIP", 2);
        AtomicBoolean eventsWaiting = new AtomicBoolean(true); // holds the clips until the ask is in
        start(spool, centre.client(), settings(), e -> false, eventsWaiting::get);
        uploader.wanted(c.eventId());
        eventsWaiting.set(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.size() == 3);
        assertThat(lastRequest(c.id())).as("the asked-for newest clip first").isLessThan(firstRequest(a.id()));
        assertThat(lastRequest(a.id())).as("then oldest first").isLessThan(firstRequest(b.id()));
    }

    @Test
    void eventsWaitingHoldClipsButNotSnapshots() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        SpooledMedia clip = spool(spool, content(40_000, 12), "CLIP", 0);
        SpooledMedia snapshot = spool(spool, content(5_000, 13), "SNAPSHOT", 1);
        AtomicBoolean eventsWaiting = new AtomicBoolean(true);
        start(spool, centre.client(), settings(), e -> false, eventsWaiting::get);

        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.containsKey(snapshot.id()));
        Thread.sleep(500);
        assertThat(centre.requestsFor(clip.id())).as("no clip chunk while events wait to go").isEmpty();
        eventsWaiting.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.containsKey(clip.id()));
    }

    @Test
    void mediaTheCentreRefusesForGoodIsSetAsideWithANoteAndNotTriedAgain() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        UUID lostEvent = UUID.randomUUID();
        centre.unknownEvents.add(lostEvent);
        SpooledMedia orphan = spool(spool, content(40_000, 14), "CLIP", lostEvent, 0);
        SpooledMedia altered = spool(spool, content(20_000, 15), "CLIP", 1);
        Files.write(spool.file(altered), content(20_000, 16)); // changed on the gateway's disk after it was described
        SpooledMedia missing = spool(spool, content(100, 17), "SNAPSHOT", 2);
        Files.delete(spool.file(missing)); // e.g. removed by hand: its description must not block the spool
        SpooledMedia fine = spool(spool, content(5_000, 18), "SNAPSHOT", 3);
        start(spool);

        await().atMost(Duration.ofSeconds(5)).until(() -> centre.stored.containsKey(fine.id()) && uploader.figures().pending() == 0);
        Path rejected = dir.resolve("rejected");
        assertThat(rejected.resolve(orphan.fileName())).exists();
        assertThat(rejected.resolve(orphan.id() + ".note")).content().contains("EVENT_UNKNOWN");
        assertThat(rejected.resolve(altered.fileName())).exists();
        assertThat(rejected.resolve(altered.id() + ".note")).content().contains("HASH_MISMATCH");
        assertThat(rejected.resolve(missing.id() + ".json")).exists();
        assertThat(centre.stored).containsOnlyKeys(fine.id());
        assertThat(uploader.figures().setAside()).isEqualTo(2);

        int attempts = centre.requests.size();
        Thread.sleep(500);
        assertThat(centre.requests).as("nothing refused is tried again").hasSize(attempts);
        assertThat(centre.requestsFor(orphan.id()).stream().filter(FakeCentre.Request::isChunk)).as("one chunk told it all").hasSize(1);
    }
}
