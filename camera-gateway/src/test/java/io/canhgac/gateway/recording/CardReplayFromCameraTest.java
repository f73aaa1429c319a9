package io.canhgac.gateway.recording;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.recording.RecordingGap;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps filled from the camera's own storage, against the simulator: a stream cut and back is fetched
 * from the camera's card over ONVIF replay and the timeline closes; a camera without a card keeps its
 * gap with that reason; a power cut, which the card did not record either, keeps the part the card lacks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardReplayFromCameraTest {

    private static final String WITH_CARD = "CAM-SD";
    private static final String WITHOUT_CARD = "CAM-NO";
    private static final OnvifCredentials ACCOUNT = OnvifCredentials.of("admin", "NS@2026");

    @TempDir
    static Path dir;
    static CameraSimulator simulator;
    static GatewayRecording recording;
    static CameraGateway gateway;

    @BeforeAll
    static void recordBothCameras() throws Exception {
        simulator = CameraSimulator.start(new DistrictInventory("test", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")),
                        List.of(camera(WITH_CARD), camera(WITHOUT_CARD))),
                SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> RecordingFromCameraTest.SCENE).withOnvif()
                        .withCardRecording(WITH_CARD::equals));
        recording = GatewayRecording.open(RecordingSettings.defaults(dir.resolve("recordings")).withStream(RecordedStream.SUB)
                .withSegment(Duration.ofSeconds(10)), null, e -> { }, id -> { });
        recording.fillFromCameras(id -> simulator.camera(id).onvifUrl().map(url -> new CameraCard(URI.create(url), ACCOUNT)),
                CardReplaySettings.DEFAULTS.withRetries(2, Duration.ofSeconds(1)).withRate(2_000_000));
        gateway = new CameraGateway(Map.of(), RecordingFromCameraTest.FAST, id -> CameraMotionSettings.DEFAULTS, e -> { }, null,
                recording).start();
        for (String id : List.of(WITH_CARD, WITHOUT_CARD)) {
            gateway.attach(id, simulator.camera(id).rtspUrl(), null, CameraMotionSettings.DEFAULTS);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.archive(WITH_CARD).lastEnd() != null
                && recording.archive(WITHOUT_CARD).lastEnd() != null);
    }

    private static CameraSpec camera(String id) {
        return new CameraSpec(id, id, "c", 15.7, 108.0, null, "Hikvision", "DS-2CD2043G2-I", false, "admin", "NS@2026",
                RecordingFromCameraTest.SCENE.name(), 0, null);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        recording.close();
        simulator.close();
    }

    private static List<RecordingGap> gaps(String camera, Instant from) {
        LinkReply.Recorded r = recording.recorded(new LinkRequest.Recordings(1, camera, from, Instant.now()));
        return r.gaps();
    }

    /** The stream stops (the connection stays up) for {@code seconds}, on both cameras, then comes back. */
    private static Instant cutStreams(int seconds, SimulatedCamera... cameras) {
        Instant before = Instant.now().minusSeconds(2);
        for (SimulatedCamera c : cameras) {
            c.stall();
        }
        await().pollDelay(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 1)).until(() -> true);
        for (SimulatedCamera c : cameras) {
            c.resume();
        }
        return before;
    }

    @Test
    @Order(1)
    void aStreamCutIsFilledFromTheCardAndACameraWithoutOneKeepsItsGapWithTheReason() throws Exception {
        Instant before = cutStreams(4, simulator.camera(WITH_CARD), simulator.camera(WITHOUT_CARD));

        await().atMost(Duration.ofSeconds(15)).until(() -> gaps(WITHOUT_CARD, before).stream()
                .anyMatch(g -> g.reason().equals(CameraArchive.NO_CAMERA_RECORDING)));
        RecordingGap left = gaps(WITHOUT_CARD, before).get(0);
        assertThat(Duration.between(left.start(), left.end()).toMillis()).as("the whole cut").isGreaterThan(3_000);

        CameraArchive archive = recording.archive(WITH_CARD);
        await().atMost(Duration.ofSeconds(10)).until(() -> offline(archive).isPresent());
        RecordingGap cut = offline(archive).orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> gaps(WITH_CARD, before).isEmpty());
        List<Segment> filled = archive.overlapping(cut.start(), cut.end()).stream()
                .filter(s -> !s.start().isBefore(cut.start()) && !s.end().truncatedTo(ChronoUnit.MILLIS).isAfter(cut.end())).toList();
        assertThat(filled).as("segments written inside the gap %s: %s, log %s", cut, archive.all(),
                java.nio.file.Files.readString(archive.dir().resolve("gaps.log"))).isNotEmpty();
        long millis = filled.stream().mapToLong(s -> Duration.between(s.start(), s.end()).toMillis()).sum();
        assertThat(millis).as("the cut, less at most a keyframe's distance").isGreaterThan(Duration.between(cut.start(), cut.end())
                .toMillis() - 1_500);
        for (Segment s : filled) {
            long expected = Duration.between(s.start(), s.end()).toMillis() / 100; // 10 fps
            assertThat(ffprobeFrames(s.file())).as("ffprobe decodes " + s.file().getFileName()).isBetween(expected - 2, expected + 2);
        }
    }

    @Test
    @Order(2)
    void aPowerCutIsNotOnTheCardEitherAndSaysSo() {
        SimulatedCamera camera = simulator.camera(WITH_CARD);
        steady(recording.archive(WITH_CARD));
        Instant before = Instant.now().minusSeconds(1);
        camera.powerOff();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        camera.powerOn();
        await().atMost(Duration.ofSeconds(20)).until(() -> gaps(WITH_CARD, before).stream()
                .anyMatch(g -> g.reason().equals(CameraArchive.NOT_ON_CAMERA)));
        RecordingGap off = gaps(WITH_CARD, before).stream().filter(g -> g.reason().equals(CameraArchive.NOT_ON_CAMERA))
                .findFirst().orElseThrow();
        assertThat(Duration.between(off.start(), off.end()).toMillis()).as("about the time it was off").isBetween(2_000L, 5_000L);
        assertThat(gaps(WITH_CARD, before)).as("nothing else is missing").allMatch(g -> g.reason().equals(CameraArchive.NOT_ON_CAMERA));
    }

    @Test
    @Order(3)
    void aWrongAccountIsRefusedAndNotRetried() {
        CardFetch fetch = new CardFetch(io.canhgac.gateway.onvif.SoapClient.newHttpClient(
                io.canhgac.gateway.onvif.OnvifClientSettings.DEFAULTS), CardReplaySettings.DEFAULTS, Duration.ofSeconds(10));
        Instant to = Instant.now().minusSeconds(5);
        CardFetch.Outcome outcome = fetch.fill(recording.archive(WITH_CARD), new CameraCard(
                URI.create(simulator.camera(WITH_CARD).onvifUrl().orElseThrow()), OnvifCredentials.of("admin", "wrong")),
                "sub", to.minusSeconds(3), to);
        assertThat(outcome.kind()).isEqualTo(CardFetch.Kind.REFUSED);
    }

    /** Waits until the camera records without a break for 4 s and no replay is pending: the cut before is over. */
    private static void steady(CameraArchive archive) {
        await().atMost(Duration.ofSeconds(20)).until(() -> recording.pendingReplays(WITH_CARD) == 0
                && archive.all().stream().anyMatch(s -> s.open() && s.start().isBefore(Instant.now().minusSeconds(4))));
    }

    /** The camera-offline gap the recorder logged when the pictures came back. */
    private static Optional<RecordingGap> offline(CameraArchive archive) throws Exception {
        Path log = archive.dir().resolve("gaps.log");
        if (!java.nio.file.Files.exists(log)) {
            return Optional.empty();
        }
        return java.nio.file.Files.readAllLines(log, StandardCharsets.US_ASCII).stream()
                .map(l -> l.split(" "))
                .map(f -> new RecordingGap(Instant.ofEpochMilli(Long.parseLong(f[0])), Instant.ofEpochMilli(Long.parseLong(f[1])), f[2]))
                .filter(g -> g.reason().equals(CameraArchive.CAMERA_OFFLINE))
                .findFirst();
    }

    private static long ffprobeFrames(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Long.parseLong(out.lines().findFirst().orElse("-1").trim());
    }
}
