package io.canhgac.gateway.live;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.live.LiveTicketIssuer;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live server against the simulator on loopback, checked by FFmpeg's own reader of what the viewers got. */
class LiveViewIntegrationTest {

    static final byte[] SECRET = "live-view-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final LiveSettings FAST = LiveSettings.DEFAULTS.withLinger(Duration.ofMillis(500));

    static CameraSimulator simulator;
    static LiveViewServer server;
    static final LiveTicketIssuer issuer = new LiveTicketIssuer(SECRET);
    private final List<TestViewer> viewers = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        DistrictInventory inventory = new DistrictInventory("test", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")),
                List.of(CameraSpec.simulated("CAM-1", "one", "c", SimulatedDistrict.SCENE.name(), 0)));
        simulator = CameraSimulator.start(inventory, SimulatorOptions.forTests(Path.of("target/scene-cache"),
                name -> SimulatedDistrict.SCENE).withMainStreams(true));
        SimulatedCamera camera = simulator.camera("CAM-1");
        await().atMost(Duration.ofMinutes(3)).until(() -> camera.mainStream().isPresent());
        CameraStreams streams = CameraStreams.of(Map.of("CAM-1", camera.rtspUrl("sub")), Map.of("CAM-1", camera.rtspUrl("main")));
        server = LiveViewServer.start(new InetSocketAddress("127.0.0.1", 0), streams, new TicketVerifier(SECRET), FAST, f -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
        simulator.close();
    }

    @AfterEach
    void closeViewers() {
        viewers.forEach(TestViewer::close);
    }

    private TestViewer watch(String camera, String stream, String ticket) throws Exception {
        TestViewer v = TestViewer.connect("ws://127.0.0.1:" + server.port() + "/live/" + camera + "/" + stream + "?ticket=" + ticket);
        viewers.add(v);
        return v;
    }

    @Test
    void theSubstreamArrivesAsFragmentedMp4ThatFfmpegReadsAsH264At10Fps() throws Exception {
        TestViewer viewer = watch("CAM-1", "sub", issuer.issue("CAM-1", "sub", "operator"));
        await().atMost(Duration.ofSeconds(15)).until(() -> viewer.fragments().size() >= 40);

        assertThat(viewer.texts.get(0)).contains("\"type\":\"init\"").contains("avc1.").contains("\"width\":640").contains("\"height\":360");
        assertThat(Mp4Box.parse(viewer.binaries.get(0))).extracting(Mp4Box::type).containsExactly("ftyp", "moov");
        assertThat(TestViewer.keyframe(viewer.fragments().get(0))).as("the first fragment is a keyframe").isTrue();
        long last = -1;
        for (byte[] f : viewer.fragments()) {
            long t = Mp4Box.root(Mp4Box.parse(f)).find("moof/traf/tfdt").body().getLong(4);
            assertThat(t).isGreaterThan(last);
            last = t;
        }
        Map<String, String> probe = ffprobe(viewer.concatenated(), "sub");
        assertThat(probe).containsEntry("codec_name", "h264").containsEntry("width", "640").containsEntry("height", "360");
        assertThat(Integer.parseInt(probe.get("nb_read_frames"))).as("pictures FFmpeg decoded").isGreaterThanOrEqualTo(35);
        assertThat(rate(probe.get("avg_frame_rate"))).isBetween(9.0, 11.0);
    }

    @Test
    void theMainStreamComesAtItsOwnSize() throws Exception {
        TestViewer viewer = watch("CAM-1", "main", issuer.issue("CAM-1", "main", "operator"));
        await().atMost(Duration.ofSeconds(15)).until(() -> viewer.fragments().size() >= 20);
        assertThat(viewer.texts.get(0)).contains("\"width\":1280").contains("\"height\":720");
        Map<String, String> probe = ffprobe(viewer.concatenated(), "main");
        assertThat(probe).containsEntry("codec_name", "h264").containsEntry("width", "1280").containsEntry("height", "720");
        assertThat(rate(probe.get("avg_frame_rate"))).isBetween(9.0, 11.0);
    }

    @Test
    void viewersShareOnePullALateOneStartsAtAKeyframeAndThePullStopsAfterTheLast() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> server.runningPulls() == 0); // other tests' pulls lingered out
        TestViewer first = watch("CAM-1", "sub", issuer.issue("CAM-1", "sub", "a"));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.fragments().size() >= 5);
        TestViewer late = watch("CAM-1", "sub", issuer.issue("CAM-1", "sub", "b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> late.fragments().size() >= 5);
        assertThat(server.runningPulls()).isEqualTo(1);

        byte[] lateFirst = late.fragments().get(0);
        assertThat(TestViewer.keyframe(lateFirst)).isTrue();
        long seq = Fmp4Muxer.sequenceOf(lateFirst);
        assertThat(seq).isGreaterThan(Fmp4Muxer.sequenceOf(first.fragments().get(0)));
        byte[] sameInFirst = first.fragments().stream().filter(f -> Fmp4Muxer.sequenceOf(f) == seq).findFirst().orElseThrow();
        assertThat(lateFirst).as("one fragment, the same bytes for every viewer").isEqualTo(sameInFirst);

        first.close();
        late.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.runningPulls() == 0);
    }

    @Test
    void forgedExpiredMissingAndOtherCameraTicketsAreRefusedWithAReason() throws Exception {
        LiveTicketIssuer forger = new LiveTicketIssuer("not-the-gateway-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        LiveTicketIssuer past = new LiveTicketIssuer(SECRET, Clock.fixed(Instant.now().minusSeconds(600), ZoneOffset.UTC),
                Duration.ofSeconds(60));
        assertRefused(watch("CAM-1", "sub", forger.issue("CAM-1", "sub", "x")), LiveRefusal.TICKET_INVALID);
        assertRefused(watch("CAM-1", "sub", past.issue("CAM-1", "sub", "x")), LiveRefusal.TICKET_EXPIRED);
        assertRefused(watch("CAM-1", "sub", ""), LiveRefusal.TICKET_MISSING);
        assertRefused(watch("CAM-1", "sub", issuer.issue("CAM-2", "sub", "x")), LiveRefusal.TICKET_OTHER_STREAM);
        assertRefused(watch("CAM-1", "main", issuer.issue("CAM-1", "sub", "x")), LiveRefusal.TICKET_OTHER_STREAM);
        assertRefused(watch("CAM-9", "sub", issuer.issue("CAM-9", "sub", "x")), LiveRefusal.UNKNOWN_CAMERA);
    }

    @Test
    void theSnapshotIsACurrentJpegOfTheStream() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port() + "/snapshot/CAM-1/sub?ticket=";
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(base + issuer.issue("CAM-1", "sub", "weak-link"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("content-type")).contains("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ok.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "abc.def")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).isEqualTo(LiveRefusal.TICKET_INVALID.reason());
    }

    @Test
    void chromiumPlaysTheLiveSubstreamThroughMediaSourceExtensions() throws Exception {
        String ws = "ws://127.0.0.1:" + server.port() + "/live/CAM-1/sub?ticket=" + issuer.issue("CAM-1", "sub", "wall");
        JsonNode result = new ObjectMapper().readTree(ChromiumPage.run("/live/mse-player.html", ws, 9000));
        System.out.println("chromium: " + result);
        assertThat(result.get("error").isNull()).as(result.toString()).isTrue();
        assertThat(result.get("supported").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("mime").asText()).startsWith("video/mp4; codecs=\"avc1.");
        assertThat(result.get("appended").asInt()).as("init segment and fragments appended").isGreaterThanOrEqualTo(30);
        assertThat(result.get("ranges").asInt()).as("one buffered range: no gaps").isEqualTo(1);
        assertThat(result.get("width").asInt()).isEqualTo(640);
        assertThat(result.get("height").asInt()).isEqualTo(360);
        assertThat(result.get("decodedFrames").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(result.get("played").asDouble()).as("seconds played: " + result).isGreaterThan(1.5);
    }

    private static void assertRefused(TestViewer viewer, LiveRefusal why) throws Exception {
        TestViewer.Close close = viewer.closed.get(10, TimeUnit.SECONDS);
        assertThat(close.code()).isEqualTo(why.code());
        assertThat(close.reason()).isEqualTo(why.reason());
        assertThat(viewer.binaries).isEmpty();
    }


    private static double rate(String fraction) {
        String[] p = fraction.split("/");
        return Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
    }

    /** FFmpeg's verdict on the bytes the viewer got, decoding every picture. */
    static Map<String, String> ffprobe(byte[] mp4, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/live-test"));
        Path file = dir.resolve(name + ".mp4");
        Files.write(file, mp4);
        String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        ProcessBuilder pb = new ProcessBuilder(ffprobe, "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=codec_name,width,height,avg_frame_rate,nb_read_frames", "-of", "default=nw=1",
                file.toString()).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", Path.of(ffprobe).getParent().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, String> fields = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return fields;
    }
}
