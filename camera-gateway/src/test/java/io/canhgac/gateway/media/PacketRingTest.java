package io.canhgac.gateway.media;

import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-roll bookkeeping without FFmpeg: 10 fps, a keyframe every 10 packets, packet n received at n * 100 ms. */
class PacketRingTest {

    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    static final MediaSettings SETTINGS = new MediaSettings(Path.of("unused"), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(30), 1 << 20);

    static VideoPacket packet(int n, int size) {
        return new VideoPacket(new byte[size], n * 9000L, n * 9000L, n % 10 == 0, T0.plusMillis(n * 100L));
    }

    static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void keepsFromTheKeyframeAtOrBeforeTheWantedTimeAndNoMore() {
        PacketRing ring = new PacketRing(Duration.ofSeconds(5), 1 << 20);
        for (int n = 3; n <= 150; n++) { // starts mid-GOP: packets before the first keyframe are useless
            ring.add(packet(n, 100));
        }
        // newest at 15.0 s; 5 s back is 10.0 s, a keyframe: older GOPs are gone
        List<VideoPacket> all = ring.since(at(0));
        assertThat(all.get(0).receivedAt()).isEqualTo(at(10.0));
        assertThat(all.get(0).keyframe()).isTrue();
        assertThat(all).hasSize(51);
        // a clip wanting pre-roll from 12.5 s starts at the keyframe at 12.0 s
        List<VideoPacket> clip = ring.since(at(12.5));
        assertThat(clip.get(0).receivedAt()).isEqualTo(at(12.0));
        assertThat(clip.get(clip.size() - 1).receivedAt()).isEqualTo(at(15.0));
        assertThat(ring.bytes()).isEqualTo(51 * 100);
    }

    @Test
    void aByteCapDropsWholeGopsFromTheFront() {
        PacketRing ring = new PacketRing(Duration.ofSeconds(5), 10_000);
        for (int n = 0; n <= 150; n++) {
            ring.add(packet(n, 400)); // 4 000 bytes a second: the cap holds two and a bit seconds
        }
        List<VideoPacket> kept = ring.since(at(0));
        assertThat(kept.get(0).keyframe()).isTrue();
        assertThat(ring.bytes()).isLessThanOrEqualTo(10_000 + 400);
        assertThat(kept.get(0).receivedAt()).isEqualTo(at(13.0));
    }

    @Test
    void aClipRunsUntilPostRollAfterTheMotionEndsOrItsCap() {
        StreamParameters h264 = new StreamParameters(27, "h264", 640, 360, new byte[0], 1, 90000);
        EventClip clip = new EventClip(UUID.randomUUID(), h264, at(5), List.of(packet(0, 10)));
        assertThat(clip.complete(at(20), SETTINGS)).as("motion goes on: the clip stays open").isFalse();
        clip.scored(at(6), 0.2);
        clip.scored(at(7), 0.5);
        clip.scored(at(8), 0.3);
        clip.motionEnded(at(21));
        clip.scored(at(22), 0.9); // after the end: not the event's peak
        assertThat(clip.peakAt()).isEqualTo(at(7));
        assertThat(clip.complete(at(25.9), SETTINGS)).isFalse();
        assertThat(clip.complete(at(26), SETTINGS)).as("5 s after the motion ended").isTrue();

        EventClip endless = new EventClip(UUID.randomUUID(), h264, at(5), List.of(packet(0, 10)));
        assertThat(endless.complete(at(29.9), SETTINGS)).isFalse();
        assertThat(endless.complete(at(30), SETTINGS)).as("capped at 30 s from its first packet").isTrue();
    }
}
