package io.canhgac.gateway.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Media put in a spool as the recorder would, and upload settings quick enough for tests. */
final class TestMedia {

    static final Instant T0 = Instant.parse("2026-11-22T01:02:03Z");

    private TestMedia() {
    }

    /** Captured {@code secondsAfter} T0, so the spool orders it. */
    static SpooledMedia spool(MediaSpool spool, byte[] content, String kind, UUID eventId, int secondsAfter) throws IOException {
        Path tmp = spool.newTempFile(".bin");
        Files.write(tmp, content);
        boolean clip = kind.equals("CLIP");
        return spool.add(tmp, UUID.randomUUID(), eventId, "CAM-7", kind, clip ? "video/mp4" : "image/jpeg", clip ? "mp4" : "jpg",
                T0.plusSeconds(secondsAfter));
    }

    static SpooledMedia spool(MediaSpool spool, byte[] content, String kind, int secondsAfter) throws IOException {
        return spool(spool, content, kind, UUID.randomUUID(), secondsAfter);
    }

    static byte[] content(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** 16 KiB chunks, no budget, no disk bound, short polls and retries. */
    static MediaUploadSettings settings() {
        return new MediaUploadSettings(16 << 10, 0, 8L << 30, 0, Duration.ofSeconds(2), Duration.ofMillis(50),
                Duration.ofMillis(50), Duration.ofMillis(200));
    }
}
