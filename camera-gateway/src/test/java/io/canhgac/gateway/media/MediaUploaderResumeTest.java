package io.canhgac.gateway.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.canhgac.gateway.media.TestMedia.content;
import static io.canhgac.gateway.media.TestMedia.settings;
import static io.canhgac.gateway.media.TestMedia.spool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A weak link: cut mid-file, a gateway restart mid-file, and the bandwidth budget. */
class MediaUploaderResumeTest extends MediaUploaderFixture {

    private static final int CHUNK = 16 << 10;

    private MediaUploader start(MediaSpool spool, MediaUploadSettings settings) {
        return new MediaUploader(spool, centre.client(), settings, e -> false, () -> false, () -> Long.MAX_VALUE).start();
    }

    private List<Long> chunkOffsets(SpooledMedia media) {
        return centre.requestsFor(media.id()).stream().filter(FakeCentre.Request::isChunk).map(FakeCentre.Request::offset).toList();
    }

    @Test
    void aCutMidFileResumesWhereTheCentreIsWithoutResendingWhatItHas() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        byte[] bytes = content(200_000, 21);
        SpooledMedia clip = spool(spool, bytes, "CLIP", 0);
        centre.cutAt(100_000); // part-way through the seventh chunk (offset 98,304)
        uploader = start(spool, settings());

        await().atMost(Duration.ofSeconds(10)).until(() -> centre.stored.containsKey(clip.id()));
        assertThat(centre.stored.get(clip.id())).isEqualTo(bytes);
        assertThat(centre.bodyBytes.get()).as("bytes on the wire: the file and at most the one chunk cut")
                .isLessThanOrEqualTo(bytes.length + CHUNK);
        List<Long> offsets = chunkOffsets(clip);
        assertThat(offsets.stream().distinct()).as("every chunk once, the cut one twice").hasSize(offsets.size() - 1);
        assertThat(offsets.stream().filter(o -> o == 6L * CHUNK)).hasSize(2);
        // after the cut the uploader asked where the centre was before sending again
        List<FakeCentre.Request> all = centre.requestsFor(clip.id());
        int cut = all.indexOf(all.stream().filter(r -> r.isChunk() && r.offset() == 6L * CHUNK).findFirst().orElseThrow());
        assertThat(all.get(cut + 1).method()).isEqualTo("GET");
    }

    @Test
    void aNewUploaderOnTheSameSpoolResumesFromWhatTheCentreHolds() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        byte[] bytes = content(256 << 10, 22);
        SpooledMedia clip = spool(spool, bytes, "CLIP", 0);
        MediaUploader first = start(spool, settings().withBudget(512_000)); // slow: a quarter second a chunk
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.held(clip.id()) >= 4 * CHUNK);
        first.close(); // the gateway stops mid-file
        Thread.sleep(200);
        long held = centre.held(clip.id());
        int before = centre.requests.size();
        assertThat(held).isLessThan(bytes.length);

        uploader = start(new MediaSpool(dir), settings()); // restarted: nothing in memory
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.stored.containsKey(clip.id()));
        assertThat(centre.stored.get(clip.id())).isEqualTo(bytes);
        List<FakeCentre.Request> after = centre.requests.subList(before, centre.requests.size());
        assertThat(after.get(0).method()).as("first it asks where to resume").isEqualTo("GET");
        assertThat(after.get(1).offset()).as("then goes on from there").isEqualTo(held);
        assertThat(centre.bodyBytes.get()).as("at most the chunk in flight at the stop twice").isLessThanOrEqualTo(bytes.length + CHUNK);
    }

    @Test
    void clipsKeepToTheBudget() throws Exception {
        centre = FakeCentre.start();
        MediaSpool spool = new MediaSpool(dir);
        byte[] bytes = content(256 << 10, 23);
        SpooledMedia clip = spool(spool, bytes, "CLIP", 0);
        long started = System.nanoTime();
        uploader = start(spool, settings().withBudget(512_000));
        await().atMost(Duration.ofSeconds(15)).until(() -> centre.stored.containsKey(clip.id()));
        double seconds = (System.nanoTime() - started) / 1e9;
        // 256 KiB less the one chunk the bucket starts with, at 512 kbit/s: 3.84 s
        assertThat(seconds).as("seconds for 256 KiB at 512 kbit/s").isGreaterThan(3.5).isLessThan(12);
    }
}
