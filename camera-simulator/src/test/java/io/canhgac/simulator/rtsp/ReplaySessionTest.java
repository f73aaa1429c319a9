package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ONVIF replay of the camera's card, in an EmbeddedChannel: a clock range is played from its keyframe
 * with every packet dated by the 0xABAC extension, a hole on the card is skipped as a discontinuity,
 * and the end of the range is an RTCP BYE.
 */
class ReplaySessionTest {

    static EncodedScene scene;
    private final SceneClock clock = SceneClock.startingNow(5, 0, 2);
    private final StreamBroadcaster sub = new StreamBroadcaster(scene, null, clock);
    private final CameraStorage card = CameraStorage.lastDay();

    /** One RTP packet as sent: its time on the extension, its flags, and whether it is the picture's last. */
    record Sent(Instant time, int flags, boolean marker) {
    }

    @BeforeAll
    static void encode() throws Exception {
        scene = new SceneEncoder(Path.of("target/scene-cache"))
                .load(new SceneScript("handler-test", 160, 96, 5, 2, 1.0, 3, List.of(MovingObject.person(0.2, 1.8, 20))));
    }

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new RtspRequestDecoder(), new RtspResponseEncoder(),
                new RtspServerHandler("cam", new TestStreams(sub, card), null));
    }

    private static String send(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        ByteBuf out = ch.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    private static String session(EmbeddedChannel ch) {
        String setup = send(ch, "SETUP rtsp://127.0.0.1/replay/sub/trackID=0 RTSP/1.0\r\nCSeq: 2\r\nRequire: onvif-replay\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        assertThat(setup).startsWith("RTSP/1.0 200 OK");
        return setup.replaceAll("(?s).*Session: ([0-9a-f]+);.*", "$1");
    }

    /** Plays until the BYE; the RTP packets sent, in order. */
    private static List<Sent> playToTheEnd(EmbeddedChannel ch, String session, Instant from, Instant to) {
        String play = send(ch, "PLAY rtsp://127.0.0.1/replay/sub RTSP/1.0\r\nCSeq: 3\r\nSession: " + session
                + "\r\nRequire: onvif-replay\r\nRate-Control: no\r\nRange: clock=" + ReplayRange.format(from) + "-"
                + ReplayRange.format(to) + "\r\n\r\n");
        assertThat(play).startsWith("RTSP/1.0 200 OK").contains("Range: clock=" + ReplayRange.format(from));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean bye = false;
        List<Sent> sent = new ArrayList<>();
        while (!bye && System.nanoTime() < deadline) {
            ch.runPendingTasks();
            ch.runScheduledPendingTasks();
            for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
                byte[] b = new byte[out.readableBytes()];
                out.readBytes(b);
                out.release();
                bytes.writeBytes(b);
            }
            ByteBuffer frames = ByteBuffer.wrap(bytes.toByteArray());
            sent.clear();
            while (frames.remaining() >= 4 && frames.get(frames.position()) == '$') {
                int channel = frames.get(frames.position() + 1);
                int length = frames.getShort(frames.position() + 2) & 0xFFFF;
                if (frames.remaining() < 4 + length) {
                    break;
                }
                byte[] p = new byte[length];
                frames.position(frames.position() + 4);
                frames.get(p);
                if (channel == 1) {
                    bye = (p[1] & 0xFF) == 203;
                    continue;
                }
                assertThat(p[0] & 0x10).as("the X bit: a header extension").isNotZero();
                ByteBuffer x = ByteBuffer.wrap(p, 12, 16);
                assertThat(x.getShort() & 0xFFFF).isEqualTo(ReplayExtension.PROFILE);
                assertThat(x.getShort()).isEqualTo((short) 3);
                long seconds = (x.getInt() & 0xFFFFFFFFL) - ReplayExtension.NTP_UNIX_OFFSET;
                long fraction = x.getInt() & 0xFFFFFFFFL;
                Instant t = Instant.ofEpochSecond(seconds, (fraction * 1_000_000_000L) >>> 32);
                sent.add(new Sent(t, x.get() & 0xFF, (p[1] & 0x80) != 0));
                assertThat(x.get()).as("the PLAY's CSeq").isEqualTo((byte) 3);
            }
        }
        assertThat(bye).as("an RTCP BYE ends the range").isTrue();
        return sent;
    }

    private static List<Sent> pictures(List<Sent> packets) {
        return packets.stream().filter(Sent::marker).toList();
    }

    @Test
    void aRangeOfThePastIsPlayedFromItsKeyframeDatedByTheExtensionAndEndsWithABye() {
        EmbeddedChannel ch = channel();
        Instant from = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
        Instant to = from.plusSeconds(4);
        List<Sent> pictures = pictures(playToTheEnd(ch, session(ch), from, to));

        assertThat(pictures.get(0).flags() & 0x80).as("C: it starts on a clean point").isNotZero();
        assertThat(pictures.get(0).time()).isBeforeOrEqualTo(from).isAfter(from.minusSeconds(1));
        assertThat(pictures.get(pictures.size() - 1).time()).isBefore(to).isAfterOrEqualTo(to.minusMillis(200));
        assertThat(pictures.get(pictures.size() - 1).flags() & 0x10).as("T: the last of the range").isNotZero();
        for (int i = 1; i < pictures.size(); i++) {
            assertThat(Duration.between(pictures.get(i - 1).time(), pictures.get(i).time())).isEqualTo(Duration.ofMillis(200));
        }
        assertThat(pictures).noneMatch(p -> (p.flags() & 0x20) != 0);
    }

    @Test
    void aHoleOnTheCardIsSkippedToTheNextKeyframeAsADiscontinuity() {
        EmbeddedChannel ch = channel();
        Instant from = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant holeFrom = from.plusMillis(1_300);
        Instant holeTo = from.plusMillis(3_300);
        card.lose(holeFrom, holeTo);
        List<Sent> pictures = pictures(playToTheEnd(ch, session(ch), from, from.plusSeconds(6)));

        assertThat(pictures).noneMatch(p -> !p.time().isBefore(holeFrom) && p.time().isBefore(holeTo));
        Sent after = pictures.stream().filter(p -> !p.time().isBefore(holeTo)).findFirst().orElseThrow();
        assertThat(after.flags() & 0xA0).as("C and D: a keyframe after a discontinuity").isEqualTo(0xA0);
        Sent before = pictures.stream().filter(p -> p.time().isBefore(holeFrom)).reduce((a, b) -> b).orElseThrow();
        assertThat(before.flags() & 0x40).as("E: the last before the hole").isNotZero();
    }

    @Test
    void replayNeedsItsRequireHeaderAndAClockRange() {
        EmbeddedChannel ch = channel();
        assertThat(send(ch, "DESCRIBE rtsp://127.0.0.1/replay/sub RTSP/1.0\r\nCSeq: 1\r\n\r\n"))
                .startsWith("RTSP/1.0 400 Replay Needs Require: onvif-replay");
        assertThat(send(ch, "DESCRIBE rtsp://127.0.0.1/replay/sub RTSP/1.0\r\nCSeq: 1\r\nRequire: onvif-replay\r\n\r\n"))
                .startsWith("RTSP/1.0 200 OK").contains("m=video");
        String session = session(ch);
        assertThat(send(ch, "PLAY rtsp://127.0.0.1/replay/sub RTSP/1.0\r\nCSeq: 3\r\nSession: " + session
                + "\r\nRequire: onvif-replay\r\nRange: npt=0-\r\n\r\n")).startsWith("RTSP/1.0 457 Invalid Range");
    }

    @Test
    void aPowerCutIsAHoleOnTheCardAndOnlyTheRetentionIsKept() {
        Instant t = Instant.parse("2026-12-07T02:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(t);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        CameraStorage storage = new CameraStorage(Duration.ofHours(1), clock);
        now.set(t.plusSeconds(10));
        storage.poweredOff();
        now.set(t.plusSeconds(20));
        assertThat(storage.holds(t.plusSeconds(15))).as("nothing recorded while off").isFalse();
        storage.poweredOn();
        now.set(t.plusSeconds(30));
        assertThat(storage.holds(t.plusSeconds(5))).isTrue();
        assertThat(storage.holds(t.plusSeconds(15))).isFalse();
        assertThat(storage.nextHeld(t.plusSeconds(12))).isEqualTo(t.plusSeconds(20));
        assertThat(storage.held(t, t.plusSeconds(60))).containsExactly(new CameraStorage.Range(t, t.plusSeconds(10)),
                new CameraStorage.Range(t.plusSeconds(20), t.plusSeconds(30)));
        assertThat(storage.holds(t.minus(Duration.ofMinutes(61)))).as("past the retention").isFalse();
    }
}
