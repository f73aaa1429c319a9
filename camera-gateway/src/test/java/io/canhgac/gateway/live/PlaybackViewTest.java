package io.canhgac.gateway.live;

import io.canhgac.contract.live.LiveTicketIssuer;
import io.canhgac.contract.live.PlaybackTickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Playback through the live server: a playback ticket (never a live one) opens one pull of the
 * recording per viewer, muxed as live video is; the page is told the instant of the first picture;
 * the end of the recording closes with END_OF_RECORDING; a viewer leaving closes the recording.
 */
class PlaybackViewTest {

    static final byte[] SECRET = "playback-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final LiveTicketIssuer issuer = new LiveTicketIssuer(SECRET);
    /** What each playback asked for, and the scripted recording it got: 40 pictures, then the end. */
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static final List<ScriptedPacketSource> opened = new CopyOnWriteArrayList<>();
    static LiveViewServer server;
    private final List<TestViewer> viewers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        PlaybackSources recordings = (camera, stream, from, speed) -> {
            if (!camera.equals("QL-01")) {
                return Optional.empty();
            }
            asked.add(camera + " " + stream.path() + " " + from + " x" + speed);
            ScriptedPacketSource recording = new ScriptedPacketSource(PacketSource.Codec.H264, true, 40);
            opened.add(recording);
            return Optional.of(recording);
        };
        server = LiveViewServer.start(new InetSocketAddress("127.0.0.1", 0), LiveSources.none(), recordings,
                new TicketVerifier(SECRET), LiveSettings.DEFAULTS, f -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeViewers() {
        viewers.forEach(TestViewer::close);
        asked.clear();
        opened.clear();
    }

    private TestViewer play(String camera, String ticket, String query) throws Exception {
        TestViewer v = TestViewer.connect("ws://127.0.0.1:" + server.port() + PlaybackTickets.path(camera, "main")
                + "?ticket=" + ticket + query);
        viewers.add(v);
        return v;
    }

    private static String playbackTicket(String camera) {
        return issuer.issue(camera, PlaybackTickets.stream("main"), "operator");
    }

    @Test
    void aRecordingPlaysAsFragmentedMp4FromItsFirstKeyframeToItsEnd() throws Exception {
        TestViewer viewer = play("QL-01", playbackTicket("QL-01"), "&from=2026-12-07T02:10:00Z&speed=4");
        TestViewer.Close close = viewer.closed.get(10, TimeUnit.SECONDS);
        assertThat(close.code()).isEqualTo(LiveRefusal.END_OF_RECORDING.code());
        assertThat(asked).containsExactly("QL-01 main 2026-12-07T02:10:00Z x4");
        assertThat(viewer.texts.get(0)).contains("\"type\":\"init\"", "avc1.");
        // the scripted recording's first keyframe is its 8th picture, at 70 ms on its clock
        assertThat(viewer.texts.get(1)).isEqualTo("{\"type\":\"start\",\"at\":\"" + Instant.EPOCH.plusMillis(70) + "\"}");
        assertThat(TestViewer.keyframe(viewer.fragments().get(0))).isTrue();
        assertThat(viewer.fragments()).hasSize(40 - 7);
        assertThat(opened.get(0).opens.get()).as("no reconnect at the end of a recording").isEqualTo(1);
    }

    @Test
    void aLiveTicketOpensNoRecordingAndALeavingViewerClosesIt() throws Exception {
        TestViewer live = play("QL-01", issuer.issue("QL-01", "main", "operator"), "&from=2026-12-07T02:10:00Z&speed=1");
        assertThat(live.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(LiveRefusal.TICKET_OTHER_STREAM.code());
        TestViewer odd = play("QL-01", playbackTicket("QL-01"), "&from=2026-12-07T02:10:00Z&speed=3");
        assertThat(odd.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(LiveRefusal.BAD_PLAYBACK.code());
        TestViewer other = play("SV-07", playbackTicket("SV-07"), "&from=2026-12-07T02:10:00Z&speed=1");
        assertThat(other.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(LiveRefusal.UNKNOWN_CAMERA.code());
        assertThat(asked).isEmpty();

        TestViewer leaving = play("QL-01", playbackTicket("QL-01"), "&from=2026-12-07T02:10:00Z&speed=1");
        await().atMost(Duration.ofSeconds(5)).until(() -> leaving.fragments().size() >= 3);
        leaving.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> opened.get(0).closes.get() >= 1);
        assertThat(asked).as("one recording session for the one viewer").hasSize(1);
    }
}
