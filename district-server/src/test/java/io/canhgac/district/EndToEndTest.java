package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import io.canhgac.gateway.live.TestViewer;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real pieces: embedded PostgreSQL, the simulator's RTSP server, the gateway
 * (FFmpeg, motion detection, HTTP publishing) and the event-service pushing over SSE.
 */
class EndToEndTest extends AllInOneTestBase {

    static final int LOOP_SECONDS = 16;
    static final double ONSET = 8;
    static final double END = 11;
    /** The end event comes after the gateway's 10 quiet frames (1 s at 10 fps). */
    static final Duration END_SLACK = Duration.ofMillis(2500);

    @TestConfiguration
    static class Scenes {
        @Bean
        Function<String, SceneScript> sceneCatalog() {
            return name -> switch (name) {
                case "e2e-crossing" -> new SceneScript(name, 640, 360, 10, LOOP_SECONDS, 2.0, 5,
                        List.of(MovingObject.car(ONSET, END, 230)));
                case "e2e-idle" -> new SceneScript(name, 640, 360, 10, LOOP_SECONDS, 2.0, 6, List.of());
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    CentreLiveLifecycle live;

    private WebSession operator;

    @BeforeEach
    void signIn() {
        operator = WebSession.login(base(), "operator", "operator-demo");
    }

    record Pushed(String camera, String type, Instant receivedAt) {
    }

    /** The first scripted onset of a camera that starts after {@code notBefore}. */
    private Instant nextOnset(String cameraId, Instant notBefore) {
        StreamBroadcaster stream = simulator.simulator().camera(cameraId).subStream();
        Instant onset = stream.sceneOrigin().plusMillis((long) (ONSET * 1000));
        while (onset.isBefore(notBefore)) {
            onset = onset.plusSeconds(LOOP_SECONDS);
        }
        return onset;
    }

    @Test
    void motionReachesTheBrowserWithinTwoSecondsOfTheScriptedOnsetAndTheIdlePartStaysQuiet() throws Exception {
        WebSession queLocHead = WebSession.login(base(), "que-loc", "que-loc-demo");
        try (SseTestClient sse = operator.sse("/api/alerts/stream");
             SseTestClient queLocSse = queLocHead.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !sse.received("hello").isEmpty() && !queLocSse.received("hello").isEmpty());
            // every camera online before we start the clock
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode cameras = get("/api/cameras");
                return cameras.size() == 3 && cameras.findValuesAsText("status").stream().allMatch("ONLINE"::equals);
            });
            // A camera that came online mid-crossing learnt a background with the car in it and reports
            // motion until it has relearnt it: the detector is warm once no camera has motion open.
            await().atMost(Duration.ofSeconds(20)).until(() -> noMotionOpen(pushed(sse)));
            Instant watchFrom = Instant.now().plusSeconds(1); // the detector has learnt the background by then

            // crossings with at least 4 s of watched idle scene before them
            Instant onsetA = nextOnset("A", watchFrom.plusSeconds(4));
            Instant onsetB = nextOnset("B", watchFrom.plusSeconds(4));
            Instant lastEnd = (onsetA.isAfter(onsetB) ? onsetA : onsetB).plusMillis((long) ((END - ONSET) * 1000));
            Duration wait = Duration.between(Instant.now(), lastEnd.plus(END_SLACK).plusSeconds(1));
            Thread.sleep(Math.max(0, wait.toMillis()));

            List<Pushed> all = pushed(sse);
            for (String camera : List.of("A", "B")) {
                Instant onset = camera.equals("A") ? onsetA : onsetB;
                Instant end = onset.plusMillis((long) ((END - ONSET) * 1000));
                // from when the detector is warm and the previous crossing has ended, to the end of this
                // crossing: idle part, crossing, end
                Instant previousEnd = end.minusSeconds(LOOP_SECONDS).plus(END_SLACK);
                Instant windowStart = previousEnd.isAfter(watchFrom) ? previousEnd : watchFrom;
                Instant windowEnd = end.plus(END_SLACK);
                assertThat(Duration.between(windowStart, onset)).as("idle part watched").isGreaterThan(Duration.ofSeconds(4));
                List<Pushed> motion = all.stream()
                        .filter(p -> p.camera().equals(camera) && p.type().startsWith("MOTION")
                                && !p.receivedAt().isBefore(windowStart) && p.receivedAt().isBefore(windowEnd)).toList();
                assertThat(motion).as("camera %s: one start and one end for one crossing, nothing in the idle part: %s", camera, motion)
                        .extracting(Pushed::type).containsExactly("MOTION_START", "MOTION_END");
                long latencyMs = Duration.between(onset, motion.get(0).receivedAt()).toMillis();
                assertThat(latencyMs).as("camera %s: motion start pushed %d ms after the scripted onset", camera, latencyMs)
                        .isBetween(0L, 2000L);
                System.out.printf("E2E camera %s: motion start pushed %d ms after the scripted onset%n", camera, latencyMs);
                assertThat(motion.get(1).receivedAt()).as("camera %s: end follows the scripted end", camera)
                        .isAfter(end).isBefore(end.plus(END_SLACK));
            }
            assertThat(all).as("the idle camera never moves").noneMatch(p -> p.camera().equals("C") && p.type().startsWith("MOTION"));
            // Quế Lộc's head gets camera A's events (Quế Lộc) and never B's (Sơn Viên) or C's (Quế Lâm)
            List<Pushed> queLoc = pushed(queLocSse);
            assertThat(queLoc).extracting(Pushed::type).contains("MOTION_START");
            assertThat(queLoc).extracting(Pushed::camera).containsOnly("A");
        }

        JsonNode events = get("/api/events?camera=A&limit=10");
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).get("commune").asText()).isEqualTo("Quế Lộc");
        assertThat(Instant.parse(events.get(0).get("occurredAt").asText()))
                .isAfterOrEqualTo(Instant.parse(events.get(events.size() - 1).get("occurredAt").asText()));

        JsonNode cameras = get("/api/cameras");
        assertThat(cameras).hasSize(3);
        cameras.forEach(c -> assertThat(c.get("status").asText()).as(c.get("id").asText()).isEqualTo("ONLINE"));
        assertThat(get("/actuator/health").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void thePageIsServedAfterLoginAndTheGatewayStillDelivers() throws Exception {
        WebSession stranger = WebSession.anonymous(base());
        HttpResponse<String> redirected = stranger.get("/");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        assertThat(stranger.get("/login.html").body()).contains("login.js", "Đăng nhập");

        HttpResponse<String> page = operator.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("app.js", "pages/alerts.js", "Trung tâm giám sát camera").doesNotContain("Whitelabel");
        assertThat(operator.get("/app.js").body()).contains("new EventSource('/api/alerts/stream')");
        // the in-process gateway's token (IngestToken) still opens the ingest API: cameras report in
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cameras").findValuesAsText("status").contains("ONLINE"));
    }

    /** The all-in-one as shipped: the one live port is the centre's, serving the in-process gateway's cameras as before. */
    @Test
    void liveViewOfAnInProcessCameraComesFromTheOneLivePort() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cameras").findValuesAsText("status").contains("ONLINE"));
        HttpResponse<String> issued = operator.send("POST", "/api/live/tickets", "{\"cameraId\":\"C\",\"stream\":\"sub\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode ticket = json.readTree(issued.body());
        assertThat(java.net.URI.create(ticket.get("url").asText()).getPort()).isEqualTo(live.port());
        try (TestViewer viewer = TestViewer.connect(ticket.get("url").asText())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> viewer.fragments().size() >= 5);
            assertThat(TestViewer.boxes(viewer.binaries.get(0))).containsExactly("ftyp", "moov");
            assertThat(TestViewer.keyframe(viewer.binaries.get(1))).isTrue();
        }
        HttpResponse<byte[]> snapshot = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ticket.get("snapshotUrl").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.headers().firstValue("content-type")).contains("image/jpeg");
    }

    private static boolean noMotionOpen(List<Pushed> pushed) {
        java.util.Map<String, String> last = new java.util.HashMap<>();
        pushed.stream().filter(p -> p.type().startsWith("MOTION")).forEach(p -> last.put(p.camera(), p.type()));
        return !last.containsValue("MOTION_START");
    }

    private List<Pushed> pushed(SseTestClient sse) {
        List<Pushed> out = new ArrayList<>();
        for (SseTestClient.Received r : sse.received("camera-event")) {
            try {
                JsonNode e = json.readTree(r.data());
                out.add(new Pushed(e.get("cameraId").asText(), e.get("type").asText(), r.at()));
            } catch (Exception e) {
                throw new AssertionError("unreadable SSE data: " + r.data(), e);
            }
        }
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = operator.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

}
