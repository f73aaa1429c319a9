package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's side of live view over the link, on a scripted camera and a link that keeps what it is given. */
class LinkMediaTest {

    private final List<UUID> mediaWanted = new CopyOnWriteArrayList<>();
    private LinkMedia media;

    private LinkMedia media(ScriptedPacketSource camera) {
        CameraStreams streams = CameraStreams.of(Map.of("CAM-1", "rtsp://cam-1/sub"), Map.of());
        media = new LinkMedia(RtspSource.sources(streams, url -> camera, Duration.ofSeconds(1)), LiveSettings.DEFAULTS,
                mediaWanted::add);
        return media;
    }

    @AfterEach
    void close() {
        if (media != null) {
            media.close();
        }
    }

    /** The scripted camera numbers its pictures in the last byte. */
    private static int picture(LinkFrames.LivePacket p) {
        return p.data()[p.data().length - 1] & 0xFF;
    }

    @Test
    void opensWithTheStreamsFormatStartsAtAKeyframeAndAfterARefusalSkipsToTheNextKeyframe() {
        ScriptedPacketSource camera = ScriptedPacketSource.h264();
        KeptLink link = new KeptLink(n -> n >= 3 && n <= 5); // the link's live lane is full for three offers
        media(camera).handle(new LinkRequest.LiveStart(7, "CAM-1", "sub"), link);

        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() >= 20);
        LinkReply.LiveOpened opened = (LinkReply.LiveOpened) link.replies.get(0);
        assertThat(opened.session()).isEqualTo(7);
        assertThat(opened.codec()).isEqualTo("h264");
        assertThat(opened.width()).isEqualTo(640);
        assertThat(opened.height()).isEqualTo(360);
        assertThat(opened.extradata()).isNotEmpty();

        List<LinkFrames.LivePacket> sent = List.copyOf(link.sent);
        assertThat(sent).allMatch(p -> p.session() == 7);
        assertThat(sent.get(0).keyframe()).as("nothing before the first keyframe").isTrue();
        for (int i = 1; i < sent.size(); i++) {
            if (picture(sent.get(i)) != picture(sent.get(i - 1)) + 1) {
                assertThat(sent.get(i).keyframe()).as("the first picture after a gap, " + picture(sent.get(i))).isTrue();
            }
        }
        // pictures 7 and 8 went; 9 was refused, so did keyframes 17 and 27; the next keyframe, 37, resumed
        assertThat(sent.subList(0, 3)).extracting(LinkMediaTest::picture).containsExactly(7, 8, 37);
        assertThat(sent.get(0).data()).as("the camera's access unit, as it came").containsExactly(0, 0, 0, 1, 0x65, 0x88, 7);
        LinkMedia.Figures figures = media.figures();
        assertThat(figures.liveSessions()).isEqualTo(1);
        assertThat(figures.skippedPackets()).isGreaterThanOrEqualTo(7 + 3 + 25);
        assertThat(figures.liveBytes()).isEqualTo(figures.livePackets() * (26 + 7));
    }

    @Test
    void anUnknownCameraOrStreamEndsTheSessionAtOnce() {
        KeptLink link = new KeptLink(n -> false);
        LinkMedia m = media(ScriptedPacketSource.h264());
        m.handle(new LinkRequest.LiveStart(1, "CAM-9", "sub"), link);
        m.handle(new LinkRequest.LiveStart(2, "CAM-1", "main"), link);
        m.handle(new LinkRequest.LiveStart(3, "CAM-1", "hd"), link);
        m.handle(new LinkRequest.Snapshot(4, "CAM-9", "sub"), link);

        assertThat(link.replies).hasSize(4);
        assertThat(link.replies.get(0)).isInstanceOfSatisfying(LinkReply.LiveEnded.class,
                e -> assertThat(e.session() == 1 && e.reason().equals("UNKNOWN_CAMERA")).as(e.toString()).isTrue());
        assertThat(link.replies.get(1)).isInstanceOfSatisfying(LinkReply.LiveEnded.class,
                e -> assertThat(e.reason()).as("no main stream").isEqualTo("UNKNOWN_CAMERA"));
        assertThat(link.replies.get(2)).isInstanceOfSatisfying(LinkReply.LiveEnded.class,
                e -> assertThat(e.reason()).isEqualTo("BAD_REQUEST"));
        assertThat(link.replies.get(3)).isInstanceOfSatisfying(LinkReply.Failed.class,
                f -> assertThat(f.id() == 4 && f.problem().equals("UNKNOWN_CAMERA")).as(f.toString()).isTrue());
        assertThat(m.figures().liveSessions()).isZero();
    }

    @Test
    void anUnreachableCameraEndsTheSessionWithTheReason() {
        KeptLink link = new KeptLink(n -> false);
        media(new ScriptedPacketSource(PacketSource.Codec.H264, false, 0)).handle(new LinkRequest.LiveStart(5, "CAM-1", "sub"), link);

        await().atMost(Duration.ofSeconds(5)).until(() -> !link.replies.isEmpty());
        assertThat(link.replies.get(0)).isInstanceOfSatisfying(LinkReply.LiveEnded.class, e -> {
            assertThat(e.session()).isEqualTo(5);
            assertThat(e.reason()).isEqualTo("CAMERA_UNREACHABLE");
            assertThat(e.message()).isEqualTo("refused");
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> media.figures().liveSessions() == 0);
    }

    @Test
    void theLinkDroppingOrTheCentreStoppingEndsTheSessionAndItsCameraConnection() {
        ScriptedPacketSource camera = ScriptedPacketSource.h264();
        KeptLink link = new KeptLink(n -> false);
        LinkMedia m = media(camera);
        m.handle(new LinkRequest.LiveStart(1, "CAM-1", "sub"), link);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.size() >= 5);

        m.linkDown();
        await().atMost(Duration.ofSeconds(2)).until(() -> m.figures().liveSessions() == 0 && camera.closes.get() == 1);
        int sent = link.sent.size();
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        assertThat(link.sent).as("nothing after the link dropped").hasSize(sent);
        assertThat(link.replies).as("nobody to tell: no LiveEnded").hasSize(1);

        m.handle(new LinkRequest.LiveStart(2, "CAM-1", "sub"), link);
        await().atMost(Duration.ofSeconds(5)).until(() -> link.sent.stream().filter(p -> p.session() == 2).count() >= 5);
        m.handle(new LinkRequest.LiveStop(2), link);
        await().atMost(Duration.ofSeconds(2)).until(() -> m.figures().liveSessions() == 0 && camera.closes.get() == 2);
    }

    @Test
    void mediaWantedGoesToTheUploadersHook() {
        UUID event = UUID.randomUUID();
        media(ScriptedPacketSource.h264()).handle(new LinkRequest.MediaWanted(event), new KeptLink(n -> false));
        assertThat(mediaWanted).containsExactly(event);
    }
}
