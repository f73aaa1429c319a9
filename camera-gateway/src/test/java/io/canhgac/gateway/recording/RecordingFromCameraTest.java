package io.canhgac.gateway.recording;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.recording.RecordingGap;
import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.GatewayNodeSettings;
import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.link.LinkSettings;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.simulator.link.LinkRelay;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.live.KeptLink;
import io.canhgac.gateway.live.LinkMedia;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.SpooledMedia;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.SceneScript;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated camera on loopback recorded through the gateway's own stream worker, then read back
 * as the centre would over the link: segments that FFmpeg plays, playback from the right keyframe at
 * its speed, an export with its hash, and an outage. One recording is shared: the camera runs once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordingFromCameraTest {

    /** 10 fps, a keyframe a second, a 12 s loop. */
    static final SceneScript SCENE = new SceneScript("recording-test", 320, 180, 10, 12, 2.0, 5, List.of(), List.of());
    static final GatewaySettings FAST = GatewaySettings.DEFAULTS
            .withReconnect(Duration.ofMillis(200), Duration.ofMillis(500)).withIoTimeout(Duration.ofMillis(1500));
    private static final String CAMERA = "CAM-R";

    @TempDir
    static Path dir;
    static CameraSimulator simulator;
    static GatewayRecording recording;
    static CameraGateway gateway;
    static MediaSpool spool;
    static LinkMedia link;
    static final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    static final List<UUID> exportsQueued = new CopyOnWriteArrayList<>();
    static Segment first;

    @BeforeAll
    static void recordTheCamera() throws Exception {
        simulator = CameraSimulator.start(new DistrictInventory("test", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")),
                List.of(CameraSpec.simulated(CAMERA, "road", "c", SCENE.name(), 0))),
                SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> SCENE));
        spool = new MediaSpool(dir.resolve("spool"));
        recording = GatewayRecording.open(RecordingSettings.defaults(dir.resolve("recordings")).withStream(RecordedStream.SUB)
                .withSegment(Duration.ofSeconds(10)), spool, events::add, exportsQueued::add);
        gateway = new CameraGateway(Map.of(), FAST, id -> CameraMotionSettings.DEFAULTS, events::add, null, recording).start();
        gateway.attach(CAMERA, simulator.camera(CAMERA).rtspUrl(), null, CameraMotionSettings.DEFAULTS);
        link = new LinkMedia(LiveSources.none(), LiveSettings.DEFAULTS, id -> { }, new RecordingRequests(recording));
        CameraArchive archive = recording.archive(CAMERA);
        await().atMost(Duration.ofSeconds(25)).until(() -> !archive.finishedSegments().isEmpty()
                && archive.lastEnd().isAfter(archive.finishedSegments().get(0).end().plusSeconds(2)));
        first = archive.finishedSegments().get(0);
    }

    @AfterAll
    static void stop() {
        link.close();
        gateway.close();
        recording.close();
        simulator.close();
    }

    @Test
    @Order(1)
    void aSegmentStartsAtAKeyframeAndPlaysInFfmpegForItsLength() throws Exception {
        try (SegmentReader r = SegmentReader.open(first.file())) {
            assertThat(r.next().keyframe()).isTrue();
        }
        assertThat(Duration.between(first.start(), first.end()).toMillis()).isBetween(9_500L, 11_500L);
        assertThat(decodedPictures(first.file())).as("10 fps for about 10 s").isBetween(95, 115);
    }

    @Test
    @Order(2)
    void playbackStartsAtTheKeyframeAtOrBeforeTheInstantAndIsPacedBySpeed() {
        Instant from = first.start().plusMillis(3_500);
        KeptLink centre = new KeptLink();
        link.handle(new LinkRequest.PlaybackStart(7, CAMERA, from, 4), centre);

        await().atMost(Duration.ofSeconds(5)).until(() -> centre.sent.size() >= 21);
        link.handle(new LinkRequest.LiveStop(7), centre);
        assertThat(centre.replies.get(0)).isInstanceOfSatisfying(LinkReply.LiveOpened.class, o -> {
            assertThat(o.codec()).isEqualTo("h264");
            assertThat(o.width()).isEqualTo(320);
        });
        LinkFrames.LivePacket start = centre.sent.get(0);
        Instant at = wallClock(start);
        assertThat(start.keyframe()).isTrue();
        assertThat(at).isBeforeOrEqualTo(from).isAfter(from.minusMillis(1_100));
        // 20 pictures are 2 s of recording: a quarter of that at ×4
        long nanos = centre.sentAt.get(20) - centre.sentAt.get(0);
        assertThat(Duration.ofNanos(nanos).toMillis()).isBetween(350L, 1_000L);
        assertThat(wallClock(centre.sent.get(20))).isEqualTo(at.plusSeconds(2));
    }

    @Test
    @Order(3)
    void anExportIsOneMp4OfTheRangeInTheSpoolWithItsHash() throws Exception {
        UUID exportId = UUID.randomUUID();
        KeptLink centre = new KeptLink();
        link.handle(new LinkRequest.RecordingExport(3, exportId, CAMERA, first.start().plusSeconds(1), first.start().plusSeconds(7)), centre);
        assertThat(centre.replies).containsExactly(new LinkReply.Done(3));

        await().atMost(Duration.ofSeconds(10)).until(() -> exportsQueued.contains(exportId));
        SpooledMedia media = spool.pending().stream().filter(m -> m.id().equals(exportId)).findFirst().orElseThrow();
        assertThat(media.eventId()).isEqualTo(exportId);
        assertThat(media.kind()).isEqualTo("RECORDING");
        assertThat(media.contentType()).isEqualTo("video/mp4");
        assertThat(media.capturedAt()).isEqualTo(first.start().plusSeconds(1));
        Path file = spool.dir().resolve(media.fileName());
        assertThat(media.sha256()).isEqualTo(sha256(file));
        try (FFmpegFrameGrabber mp4 = new FFmpegFrameGrabber(file.toFile())) {
            mp4.start();
            assertThat(mp4.getLengthInTime() / 1000).as("6 s, from the keyframe at the range's start").isBetween(5_800L, 7_200L);
        }
        assertThat(decodedPictures(file)).isBetween(58, 72);

        link.handle(new LinkRequest.RecordingExport(4, UUID.randomUUID(), CAMERA, first.start().minusSeconds(600),
                first.start().minusSeconds(500)), centre);
        assertThat(centre.replies.get(1)).isInstanceOfSatisfying(LinkReply.Failed.class,
                f -> assertThat(f.problem()).isEqualTo("NOT_RECORDED"));
    }

    @Test
    @Order(4)
    void anOutageEndsPlaybackAtTheEndOfTheRecordingAndIsAGapWithItsReason() {
        SimulatedCamera camera = simulator.camera(CAMERA);
        CameraArchive archive = recording.archive(CAMERA);
        camera.powerOff();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> archive.all().stream().noneMatch(Segment::open));
            KeptLink centre = new KeptLink();
            link.handle(new LinkRequest.PlaybackStart(8, CAMERA, archive.lastEnd().minusSeconds(2), 8), centre);
            await().atMost(Duration.ofSeconds(5)).until(() -> centre.replies.size() == 2);
            assertThat(centre.replies.get(1)).isInstanceOfSatisfying(LinkReply.LiveEnded.class,
                    e -> assertThat(e.reason()).isEqualTo("END_OF_RECORDING"));
            assertThat(centre.sent.size()).as("the last 2-3 s of pictures").isBetween(15, 35);
            Instant off = archive.lastEnd();
            // off for 3 s: a shorter break (under CameraArchive.JOIN) joins the spans
            await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(off.plusSeconds(3)));
        } finally {
            camera.powerOn();
        }
        Instant down = archive.lastEnd();
        await().atMost(Duration.ofSeconds(10)).until(() -> archive.lastEnd().isAfter(down.plusSeconds(1)));
        KeptLink centre = new KeptLink();
        link.handle(new LinkRequest.Recordings(9, CAMERA, first.start(), Instant.now()), centre);
        LinkReply.Recorded recorded = (LinkReply.Recorded) centre.replies.get(0);
        assertThat(recorded.spans()).hasSize(2);
        assertThat(recorded.gaps()).extracting(RecordingGap::reason).contains("CAMERA_OFFLINE");
        assertThat(recorded.gaps().get(0).start()).isEqualTo(down);
    }

    @Test
    @Order(5)
    void aWholeGatewayRecordsOnWhileItsLinkToTheCentreIsCut() throws Exception {
        HttpServer centre = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        centre.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        centre.start();
        LinkRelay relay = LinkRelay.start("commune", centre.getAddress());
        relay.cut();
        GatewayNodeSettings settings = new GatewayNodeSettings("http://127.0.0.1:" + relay.address().getPort() + "/", "T",
                Duration.ofMillis(100), Duration.ofMillis(500), FAST, null, HealthSettings.DEFAULTS, 1, Duration.ofMinutes(10),
                Map.of("CAM-CUT", simulator.camera(CAMERA).rtspUrl()), null, dir.resolve("outbox"), LinkSettings.DEFAULTS)
                .withRecording(RecordingSettings.defaults(dir.resolve("cut-recordings")).withSegment(Duration.ofSeconds(10)));
        try (GatewayAssembly whole = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings)) {
            GatewayRecording cut = whole.recording().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> cut.archive("CAM-CUT").lastEnd() != null);
            Instant started = cut.archive("CAM-CUT").lastEnd();
            await().atMost(Duration.ofSeconds(10)).until(() -> cut.archive("CAM-CUT").lastEnd().isAfter(started.plusSeconds(3)));
            assertThat(whole.linkConnected()).isFalse();
            assertThat(cut.bytes()).isPositive();
        } finally {
            relay.close();
            centre.stop(0);
        }
    }

    private static Instant wallClock(LinkFrames.LivePacket p) {
        long ticks = p.dts();
        return Instant.ofEpochSecond(ticks / 90_000, (ticks % 90_000) * 100_000 / 9);
    }

    static int decodedPictures(Path file) throws Exception {
        int pictures = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            while (grabber.grabImage() != null) {
                pictures++;
            }
        }
        return pictures;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
