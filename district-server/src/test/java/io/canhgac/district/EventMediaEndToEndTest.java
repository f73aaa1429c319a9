package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event media on the whole path: the in-process gateway cuts a clip and a snapshot for a scripted
 * crossing, spools them, uploads them to the event-service, which stores them; an operator lists
 * and downloads them, a commune head of another commune does not see them.
 */
class EventMediaEndToEndTest extends AllInOneTestBase {

    static final int LOOP_SECONDS = EndToEndTest.LOOP_SECONDS;
    static final double ONSET = EndToEndTest.ONSET;
    /** Media goes where the all-in-one puts it by default, relative to the module. */
    static final Path STORE = Path.of("data/media");
    /** Each test context has its own spool (see config/application.properties). */
    @Autowired
    DistrictProperties properties;

    @Autowired
    SimulatorLifecycle simulator;

    @Test
    void aCrossingGetsAClipAndASnapshotThatOperatorsCanFetch() throws Exception {
        String base = base();
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(operator.get("/api/cameras").body())
                .findValuesAsText("status").stream().allMatch("ONLINE"::equals));
        // a crossing of camera A with a full pre-roll watched before it
        Instant onset = simulator.simulator().camera("A").subStream().sceneOrigin().plusMillis((long) (ONSET * 1000));
        while (onset.isBefore(Instant.now().plusSeconds(7))) {
            onset = onset.plusSeconds(LOOP_SECONDS);
        }
        Instant expected = onset;
        JsonNode[] found = new JsonNode[2];
        await().atMost(Duration.between(Instant.now(), onset).plusSeconds(3 + 1 + 5 + 15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode e : json.readTree(operator.get("/api/events?camera=A").body())) {
                if (e.get("type").asText().equals("MOTION_START")
                        && Duration.between(expected, Instant.parse(e.get("occurredAt").asText())).abs().toMillis() < 1000) {
                    found[0] = e;
                    found[1] = json.readTree(operator.get("/api/events/" + e.get("id").asText() + "/media").body());
                    return found[1].size() == 2;
                }
            }
            return false;
        });
        JsonNode media = found[1];
        assertThat(media.findValuesAsText("kind")).containsExactly("SNAPSHOT", "CLIP");

        JsonNode clip = media.get(1);
        HttpResponse<byte[]> mp4 = operator.getBytes(clip.get("url").asText());
        assertThat(mp4.statusCode()).isEqualTo(200);
        assertThat(mp4.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(new String(mp4.body(), 4, 4, StandardCharsets.ISO_8859_1)).as("an MP4 file").isEqualTo("ftyp");
        assertThat((long) mp4.body().length).isEqualTo(clip.get("sizeBytes").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4.body())))
                .isEqualTo(clip.get("sha256").asText());
        HttpResponse<byte[]> part = operator.getBytes(clip.get("url").asText(), "Range", "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);

        JsonNode snapshot = media.get(0);
        HttpResponse<byte[]> jpeg = operator.getBytes(snapshot.get("url").asText());
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(Instant.parse(snapshot.get("capturedAt").asText()))
                .isBetween(Instant.parse(found[0].get("occurredAt").asText()), expected.plusSeconds(4));

        // stored where the layout says; the spool holds nothing more for this event
        Path stored = STORE.resolve("A");
        try (Stream<Path> files = Files.walk(stored)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains(clip.get("id").asText() + ".mp4", snapshot.get("id").asText() + ".jpg");
        }
        try (Stream<Path> files = Files.list(Path.of(properties.gateway().mediaSpool()))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(clip.get("id").asText()) || n.startsWith(snapshot.get("id").asText()));
        }

        // another commune's head does not see camera A's media
        WebSession sonVienHead = WebSession.login(base, "son-vien", "son-vien-demo");
        assertThat(sonVienHead.getBytes(clip.get("url").asText()).statusCode()).isEqualTo(404);
        WebSession queLocHead = WebSession.login(base, "que-loc", "que-loc-demo");
        assertThat(queLocHead.getBytes(clip.get("url").asText()).statusCode()).isEqualTo(200);
    }
}
