package io.canhgac.gateway.media;

import io.canhgac.gateway.centre.CentreClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static io.canhgac.gateway.media.TestMedia.content;
import static io.canhgac.gateway.media.TestMedia.settings;
import static io.canhgac.gateway.media.TestMedia.spool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The spool within its bytes and the disk above its free space: oldest clips first, never a snapshot while a clip is left. */
class MediaSpoolBoundTest {

    @TempDir
    Path dir;
    private MediaUploader uploader;

    @AfterEach
    void stop() {
        if (uploader != null) {
            uploader.close();
        }
    }

    /** Nothing is ever sent (every event pending, no centre listening): only the bound acts. */
    private void start(MediaSpool spool, MediaUploadSettings settings, LongSupplier usable) throws IOException {
        CentreClient nowhere = FakeCentre.client(FakeCentre.freePort());
        uploader = new MediaUploader(spool, nowhere, settings, e -> true, () -> false, usable).start();
    }

    private static MediaUploadSettings bounded(long maxBytes, long minFree) {
        MediaUploadSettings s = settings();
        return new MediaUploadSettings(s.chunkBytes(), 0, maxBytes, minFree, s.requestTimeout(), s.poll(), s.retryInitial(), s.retryMax());
    }

    private static boolean gone(MediaSpool spool, SpooledMedia media) {
        return !Files.exists(spool.file(media)) && !Files.exists(spool.dir().resolve(media.id() + ".json"));
    }

    @Test
    void overItsBytesTheSpoolDropsItsOldestClipsAndCountsThem() throws Exception {
        MediaSpool spool = new MediaSpool(dir);
        SpooledMedia clip1 = spool(spool, content(400_000, 31), "CLIP", 0);
        SpooledMedia snapshot = spool(spool, content(100_000, 32), "SNAPSHOT", 1);
        SpooledMedia clip2 = spool(spool, content(400_000, 33), "CLIP", 2);
        SpooledMedia clip3 = spool(spool, content(400_000, 34), "CLIP", 3);
        start(spool, bounded(1 << 20, 0), () -> Long.MAX_VALUE); // 1.3 MB in a 1 MiB spool

        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.figures().dropped() == 1);
        assertThat(gone(spool, clip1)).as("the oldest clip").isTrue();
        assertThat(spool.file(snapshot)).exists();
        assertThat(spool.file(clip2)).exists();
        assertThat(spool.file(clip3)).exists();
        await().atMost(Duration.ofSeconds(2)).until(() -> uploader.figures().pending() == 3);
        assertThat(uploader.figures().bytes()).isEqualTo(900_000);
        Thread.sleep(300);
        assertThat(uploader.figures().dropped()).as("no more than needed").isEqualTo(1);
    }

    @Test
    void shortOfDiskEveryClipGoesBeforeAnySnapshot() throws Exception {
        MediaSpool spool = new MediaSpool(dir);
        long minFree = 10L << 20;
        long disk = minFree + 400_000; // the spool's media may use 400 kB before the disk is short
        LongSupplier usable = () -> disk - mediaBytesIn(dir);
        SpooledMedia snapshot1 = spool(spool, content(100_000, 35), "SNAPSHOT", 0);
        SpooledMedia clip1 = spool(spool, content(400_000, 36), "CLIP", 1);
        SpooledMedia clip2 = spool(spool, content(400_000, 37), "CLIP", 2);
        SpooledMedia clip3 = spool(spool, content(400_000, 38), "CLIP", 3);
        start(spool, bounded(8L << 30, minFree), usable);

        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.figures().dropped() == 3);
        assertThat(gone(spool, clip1) && gone(spool, clip2) && gone(spool, clip3)).as("all three clips").isTrue();
        assertThat(spool.file(snapshot1)).as("the older snapshot stays while any clip is left").exists();

        // only snapshots now: the oldest goes when the disk is short again
        SpooledMedia snapshot2 = spool(spool, content(400_000, 39), "SNAPSHOT", 4);
        await().atMost(Duration.ofSeconds(5)).until(() -> uploader.figures().dropped() == 4);
        assertThat(gone(spool, snapshot1)).isTrue();
        assertThat(spool.file(snapshot2)).exists();
        Thread.sleep(300);
        assertThat(uploader.figures().dropped()).as("no more than needed").isEqualTo(4);
    }

    private static long mediaBytesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".json")).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
