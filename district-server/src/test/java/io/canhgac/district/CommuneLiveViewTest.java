package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.live.LinkMedia;
import io.canhgac.gateway.live.TestViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live view of a commune's camera from the same pages as today: the ticket points at the centre's live
 * server, which asks Quế Lộc's gateway for the stream over its link only while someone watches, one
 * session however many watch, and fans that one copy out; snapshots come the same way.
 */
@Timeout(180)
class CommuneLiveViewTest extends CommuneGatewayTestBase {

    static final String GATEWAY = "que-loc-live";
    /** Long enough at 10 fps for the bytes to average over a few keyframes. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    @Autowired
    CentreLiveLifecycle live;
    @Autowired
    SimulatorLifecycle simulator;

    private final List<TestViewer> viewers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeViewers() {
        viewers.forEach(TestViewer::close);
    }

    @Test
    void threeViewersShareOneSessionAcrossTheLinkWhichCarriesOneCopyAndStopsWhenTheyLeave() throws Exception {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        WebSession operator = WebSession.login(base(), "operator", "operator-demo");
        gateway = startQueLocGateway(admin, GATEWAY);
        GatewayLink link = awaitLink(GATEWAY);
        String deviceService = simulator.simulator().camera("LQL-2").onvifUrl().orElseThrow();
        HttpResponse<String> onboarded = technician.send("POST", "/api/cameras/onboard", """
                {"address":"%s","username":"admin","password":"LQL-2#2026","cameraId":"LQL-2","communeId":"que-loc"}"""
                .formatted(deviceService));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(201, 409); // 409: another test of this context did it
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.assignment("LQL-2").isPresent());
        assertThat(figures().liveSessions()).as("nothing crosses the link before anyone watches").isZero();

        // the ticket is issued as today and points at the centre's live server
        JsonNode ticket = ticket(operator);
        URI url = URI.create(ticket.get("url").asText());
        assertThat(url.getPort()).isEqualTo(live.port());
        assertThat(url.getPath()).isEqualTo("/live/LQL-2/sub");

        // one viewer: what crosses the link for one
        TestViewer first = watch(ticket);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.fragments().size() >= 10);
        long linkBefore = figures().liveBytes();
        long gotBefore = first.bytes.get();
        Thread.sleep(WINDOW.toMillis());
        long linkForOne = figures().liveBytes() - linkBefore;
        long oneGot = first.bytes.get() - gotBefore;

        // two more: still one session at the gateway and at the centre, one pull at the centre
        TestViewer second = watch(ticket(operator));
        TestViewer third = watch(ticket(operator));
        await().atMost(Duration.ofSeconds(20)).until(() -> second.fragments().size() >= 10 && third.fragments().size() >= 10);
        linkBefore = figures().liveBytes();
        long[] before = viewers.stream().mapToLong(v -> v.bytes.get()).toArray();
        Thread.sleep(WINDOW.toMillis());
        long linkForThree = figures().liveBytes() - linkBefore;
        long leastGot = Long.MAX_VALUE;
        for (int i = 0; i < viewers.size(); i++) {
            leastGot = Math.min(leastGot, viewers.get(i).bytes.get() - before[i]);
        }
        assertThat(figures().liveSessions()).isEqualTo(1);
        assertThat(link.liveSessions()).isEqualTo(1);
        assertThat(live.runningPulls()).isEqualTo(1);
        for (TestViewer v : viewers) {
            assertThat(v.texts.get(0)).contains("\"type\":\"init\"").contains("avc1.").contains("\"width\":640");
            assertThat(TestViewer.boxes(v.binaries.get(0))).containsExactly("ftyp", "moov");
            assertThat(TestViewer.boxes(v.binaries.get(1))).containsExactly("moof", "mdat");
            assertThat(TestViewer.keyframe(v.binaries.get(1))).as("each viewer starts at a keyframe").isTrue();
        }
        System.out.printf("live over the link, %d s windows: 1 viewer: %d B on the link (%.0f kbit/s), a viewer got %d B;"
                        + " 3 viewers: %d B on the link (%.0f kbit/s), each viewer got at least %d B%n",
                WINDOW.toSeconds(), linkForOne, kbits(linkForOne), oneGot, linkForThree, kbits(linkForThree), leastGot);
        // the link carries the stream once: about what one viewer gets, whatever the number of viewers
        assertThat(linkForThree).isBetween(leastGot / 2, leastGot * 3 / 2);
        assertThat(linkForThree).as("not 3x one viewer's").isLessThan(linkForOne * 2);
        assertThat(linkForOne).isBetween(oneGot / 2, oneGot * 3 / 2);

        // while it is watched, a snapshot is the centre's own: nothing asked of the gateway
        long snapshotsBefore = figures().snapshots();
        assertJpeg(ticket(operator));
        assertThat(figures().snapshots()).isEqualTo(snapshotsBefore);

        // everyone leaves: the session stops after the linger, and nothing more crosses the link
        viewers.forEach(TestViewer::close);
        await().atMost(Duration.ofSeconds(2 + 5)).until(() -> figures().liveSessions() == 0);
        await().atMost(Duration.ofSeconds(2)).until(() -> link.liveSessions() == 0 && live.runningPulls() == 0);
        long after = figures().liveBytes();
        Thread.sleep(1000);
        assertThat(figures().liveBytes()).isEqualTo(after);

        // nobody watching: the snapshot is asked of the gateway over its link
        assertJpeg(ticket(operator));
        assertThat(figures().snapshots()).isEqualTo(snapshotsBefore + 1);
        assertThat(figures().liveSessions()).isZero();
    }

    private GatewayAssembly gateway;

    private LinkMedia.Figures figures() {
        return gateway.linkMedia().orElseThrow();
    }

    private JsonNode ticket(WebSession operator) throws Exception {
        HttpResponse<String> issued = operator.send("POST", "/api/live/tickets", "{\"cameraId\":\"LQL-2\",\"stream\":\"sub\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json.readTree(issued.body());
    }

    private TestViewer watch(JsonNode ticket) throws Exception {
        TestViewer v = TestViewer.connect(ticket.get("url").asText());
        viewers.add(v);
        return v;
    }

    private void assertJpeg(JsonNode ticket) throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(ticket.get("snapshotUrl").asText()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).contains("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    private static double kbits(long bytes) {
        return bytes * 8.0 / 1000 / WINDOW.toSeconds();
    }
}
